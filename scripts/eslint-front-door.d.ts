// Types of eslint-front-door.js (plain JavaScript, so that eslint.config.js can import it without a loader).
import type { Rule } from 'eslint';

/** `kayse/front-door`: another main/ folder only through its index.ts, and no test-only file, from production code. */
export declare const frontDoorRule: Rule.RuleModule;
