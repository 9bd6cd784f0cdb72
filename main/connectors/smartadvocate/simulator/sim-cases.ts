// The simulated cases: each with its primary plaintiff's contact, secondary statuses, UDF values, notes and
// modified time, kept in modified-time order (then case id) so that a modified-since page of 100,000 cases is a
// binary search and a slice. A change moves the case to its new place.

export type SimValue = string | number | boolean | string[] | null;

export interface SimContact {
  contactID: number;
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
}

export interface SimNote {
  noteID: number;
  subject: string | null;
  noteText: string;
  noteDate: string;
  priority: string;
  userID: number;
}

export interface SimCase {
  caseID: number;
  caseNumber: string;
  caseTypeID: number;
  statusID: number | null;
  statusFromMs: number;
  officeID: number;
  plaintiffID: number;
  contact: SimContact;
  secondStatuses: { statusTypeID: number; statusID: number; fromMs: number }[];
  udfs: Map<number, SimValue>;
  externalReference: string | null;
  summary: string | null;
  createdMs: number;
  modifiedMs: number;
  notes: SimNote[];
}

export interface CaseRange {
  count: number;
  /** `n` cases from `offset`, oldest first. */
  slice(offset: number, n: number): SimCase[];
  filter(keep: (c: SimCase) => boolean): SimCase[];
}

const before = (a: SimCase, ms: number, id: number) => a.modifiedMs < ms || (a.modifiedMs === ms && a.caseID < id);

export class SimCases {
  private readonly byId = new Map<number, SimCase>();
  private readonly byContact = new Map<number, SimCase>();
  /** Every case, by modified time then id. */
  private order: SimCase[] = [];

  get size(): number {
    return this.byId.size;
  }

  get(caseID: number): SimCase | undefined {
    return this.byId.get(caseID);
  }

  byContactId(contactID: number): SimCase | undefined {
    return this.byContact.get(contactID);
  }

  all(): readonly SimCase[] {
    return this.order;
  }

  add(c: SimCase): void {
    this.index(c);
    this.order.splice(this.position(c.modifiedMs, c.caseID), 0, c);
  }

  /** Adds many at once (seeding): one sort instead of one splice each. */
  addMany(cases: SimCase[]): void {
    for (const c of cases) this.index(c);
    this.order = this.order.concat(cases).sort((a, b) => a.modifiedMs - b.modifiedMs || a.caseID - b.caseID);
  }

  /** The case changed at `ms`: it moves to its new place in the order. */
  touch(c: SimCase, ms: number): void {
    const at = this.position(c.modifiedMs, c.caseID);
    if (this.order[at] === c) this.order.splice(at, 1);
    c.modifiedMs = ms;
    this.order.splice(this.position(ms, c.caseID), 0, c);
  }

  /** Cases modified within [fromMs, toMs], oldest first: a view, so a page of a large range copies one page. */
  modifiedBetween(fromMs: number, toMs: number): CaseRange {
    const lo = this.position(fromMs, -Infinity);
    const hi = Math.max(lo, this.position(toMs, Infinity));
    const order = this.order;
    return {
      count: hi - lo,
      slice: (offset, n) => order.slice(lo + Math.min(offset, hi - lo), lo + Math.min(offset + n, hi - lo)),
      filter: (keep) => order.slice(lo, hi).filter(keep),
    };
  }

  /** The first index whose case is not before (ms, id). */
  private position(ms: number, id: number): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.order[mid]!, ms, id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private index(c: SimCase): void {
    if (this.byId.has(c.caseID)) throw new Error(`simulator: case ${c.caseID} exists already`);
    this.byId.set(c.caseID, c);
    this.byContact.set(c.contact.contactID, c);
  }
}
