// The SmartAdvocate endpoints public documentation describes, path and answer (README.md, "From public
// documentation"); sign-in is in session.ts.
import { readAnswer } from './read-answer';
import type { Session } from './session';
import { caseInfoListSchema, noteListSchema } from './wire-public';

export type DocumentedEndpoints = ReturnType<typeof documentedEndpoints>;

export function documentedEndpoints(session: Session) {
  return {
    /** Cases whose number matches (`%` is a wildcard, so a number holding one is refused by the caller). */
    caseInfo: async (caseNumber: string) => {
      const operation = `look up case number ${caseNumber}`;
      return readAnswer(
        await session.send({ operation, method: 'GET', path: `/case/CaseInfo?Casenumber=${encodeURIComponent(caseNumber)}` }),
        caseInfoListSchema,
        { operation },
      );
    },

    caseNotes: async (caseID: number) => {
      const operation = `read the notes of case ${caseID}`;
      return readAnswer(await session.send({ operation, method: 'GET', path: `/case/${caseID}/notes` }), noteListSchema, { operation });
    },
  };
}
