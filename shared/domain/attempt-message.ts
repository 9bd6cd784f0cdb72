// A failed attempt's stored message: plain words a support person can act on, then the technical detail (the
// error as Node or the receiver gave it). One string, so the attempt log's column and exports stay as they are;
// the UI splits it to show the two parts apart.

const MARK = ' Technical detail: ';

/** "The receiver refused the connection… Technical detail: connect ECONNREFUSED 127.0.0.1:8444". */
export const composeAttemptMessage = (plain: string, detail: string | null): string => (detail ? `${plain}${MARK}${detail}` : plain);

/** The two parts of a stored message; messages stored before the plain words came have no detail. */
export function splitAttemptMessage(message: string): { plain: string; detail: string | null } {
  const at = message.lastIndexOf(MARK);
  if (at < 0) return { plain: message, detail: null };
  return { plain: message.slice(0, at), detail: message.slice(at + MARK.length) };
}
