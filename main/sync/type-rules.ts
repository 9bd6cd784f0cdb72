// Whether a Kayse field and a CRM field fit each other in a direction: text takes anything; a number, a date or a
// yes/no goes only to its own type (or to text); a select goes to a select of either kind (a multi-select only to a
// multi-select) with its options matched value by value. Unmatched options are flagged, refused only when none match.
import type { MappingDirection, OptionMatch } from '../../shared/domain/sync';
import type { MappedField, ValueType } from './mapped-field';

const TYPE_WORDS: Record<ValueType, string> = {
  text: 'text',
  number: 'number',
  date: 'date',
  yes_no: 'yes/no',
  single_select: 'single select',
  multi_select: 'multi-select',
};

const isSelect = (type: ValueType) => type === 'single_select' || type === 'multi_select';

/** Why values of `from` can't be written into `to`, or null when they can. */
export function refusalOf(from: ValueType, to: ValueType): string | null {
  if (to === 'text' || from === to) return null;
  if (to === 'multi_select' && from === 'single_select') return null;
  switch (from) {
    case 'date':
      return `a date goes only to a date or text field, not to ${TYPE_WORDS[to]}`;
    case 'number':
      return `a number goes only to a number or text field, not to ${TYPE_WORDS[to]}`;
    case 'yes_no':
      return `a yes/no goes only to a yes/no or text field, not to ${TYPE_WORDS[to]}`;
    case 'multi_select':
      return `a multi-select goes only to a multi-select or text field (several values don't fit one ${TYPE_WORDS[to]})`;
    case 'single_select':
      return `a single select goes only to a select or text field, not to ${TYPE_WORDS[to]}`;
    case 'text':
      return `text goes only to text: its values are not checked as ${TYPE_WORDS[to]} values`;
  }
}

const norm = (value: string) => value.trim().toLowerCase();

/** The options of two selects matched value by value (trimmed, case-insensitive). */
export function matchOptions(kayse: string[], crm: string[]): OptionMatch {
  const crmByValue = new Map(crm.map((o) => [norm(o), o]));
  const matched: OptionMatch['matched'] = [];
  const kayseUnmatched: string[] = [];
  const used = new Set<string>();
  for (const option of kayse) {
    const hit = crmByValue.get(norm(option));
    if (hit === undefined) kayseUnmatched.push(option);
    else {
      matched.push({ kayse: option, crm: hit });
      used.add(norm(hit));
    }
  }
  return { matched, kayseUnmatched, crmUnmatched: crm.filter((o) => !used.has(norm(o))) };
}

export type PairCheck = { ok: true; options: OptionMatch | null; warnings: string[] } | { ok: false; reason: string };

const wordsOf = (values: string[]) => values.map((v) => `"${v}"`).join(', ');

/** Checks one pair in one direction; the reason says what would work instead where something would. */
export function checkPair(kayse: MappedField, crm: MappedField, direction: MappingDirection): PairCheck {
  const toCrm = direction !== 'from_crm';
  const fromCrm = direction !== 'to_crm';
  if (fromCrm && kayse.sendOnly) return { ok: false, reason: `only to_crm works here: ${kayse.sendOnly}` };
  const sending = toCrm ? refusalOf(kayse.type, crm.type) : null;
  const receiving = fromCrm ? refusalOf(crm.type, kayse.type) : null;
  if (sending || receiving) {
    const other = direction === 'both' ? (sending ? (receiving ? null : 'from_crm') : 'to_crm') : null;
    const reason = sending ? `to the CRM, ${sending}` : `from the CRM, ${receiving}`;
    return { ok: false, reason: other ? `${reason}; only ${other} works for this pair` : reason };
  }
  if (!isSelect(kayse.type) || !isSelect(crm.type)) return { ok: true, options: null, warnings: [] };
  const options = matchOptions(kayse.options, crm.options);
  if (options.matched.length === 0) {
    return { ok: false, reason: `none of the options match (Kayse: ${wordsOf(kayse.options) || 'none'}; CRM: ${wordsOf(crm.options) || 'none'})` };
  }
  const warnings: string[] = [];
  if (toCrm && options.kayseUnmatched.length > 0) warnings.push(`Kayse options with no CRM option are not sent: ${wordsOf(options.kayseUnmatched)}`);
  if (fromCrm && options.crmUnmatched.length > 0) warnings.push(`CRM options with no Kayse option are not applied: ${wordsOf(options.crmUnmatched)}`);
  return { ok: true, options, warnings };
}

/** The directions a pair works in, best first (both, then to_crm, then from_crm); empty when none. */
export function workingDirections(kayse: MappedField, crm: MappedField): MappingDirection[] {
  return (['both', 'to_crm', 'from_crm'] as const).filter((d) => checkPair(kayse, crm, d).ok);
}
