import { DomainError } from '../domain-error.js';

/**
 * Fields of free text, where a person may write several lines (a reviewer's reasons, a description):
 * tab, line feed and carriage return are allowed there. Names, ids, codes and every other field are
 * one line, and refuse them.
 */
const MULTI_LINE_FIELDS: ReadonlySet<string> = new Set([
  'reason',
  'reasons',
  'overrideReason',
  'description',
  'notes',
]);
// C0 but tab, line feed and carriage return; DEL; C1. They are never text a person means to send.
const CONTROL = /[^\P{Cc}\t\n\r]/u;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;
// With the u flag a lone surrogate is one code point of the Cs category; a proper pair is not.
const LONE_SURROGATE = /\p{Cs}/u;

export type TextProblem = 'lone_surrogate' | 'control_character';

interface Pending {
  readonly value: unknown;
  readonly path: string;
  /** The nearest property name, which says whether the text may span lines. */
  readonly key: string | undefined;
}

/**
 * The first string (or property name) in a request value that is not well-formed Unicode or carries a
 * control character its field does not allow. Iterative, so a deeply nested body cannot overflow the stack.
 */
export function findInvalidText(
  value: unknown,
  path = '',
): { readonly field: string; readonly problem: TextProblem } | undefined {
  const pending: Pending[] = [{ value, path, key: path || undefined }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value: current, path: at, key } = next;
    if (typeof current === 'string') {
      const problem = textProblem(current, key !== undefined && MULTI_LINE_FIELDS.has(key));
      if (problem) return { field: at, problem };
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) {
        pending.push({ value: current[i], path: `${at}[${i}]`, key });
      }
    } else if (typeof current === 'object' && current !== null) {
      for (const [name, child] of Object.entries(current).reverse()) {
        const field = at ? `${at}.${name}` : name;
        const problem = textProblem(name, false);
        if (problem) return { field, problem };
        pending.push({ value: child, path: field, key: name });
      }
    }
  }
  return undefined;
}

function textProblem(text: string, multiLine: boolean): TextProblem | undefined {
  if (LONE_SURROGATE.test(text)) return 'lone_surrogate';
  if (CONTROL.test(text) || (!multiLine && LINE_BREAK_OR_TAB.test(text))) return 'control_character';
  return undefined;
}

/** Throws the one refusal every malformed text input gets: 400 `REQUEST.INVALID_TEXT`, naming the field. */
export function refuseInvalidText(value: unknown, path?: string): void {
  const found = findInvalidText(value, path);
  if (!found) return;
  const field = found.field || 'the body';
  throw new DomainError(
    'REQUEST.INVALID_TEXT',
    found.problem === 'lone_surrogate'
      ? `${field} is not well-formed Unicode (a lone surrogate)`
      : `${field} carries a control character`,
    'invalid',
    { field: found.field, problem: found.problem },
  );
}
