import { preferred } from './content-negotiation.js';
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Markup that is already safe: passed through `html` unescaped. */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

type Interpolation = SafeHtml | string | number | readonly SafeHtml[] | undefined | null | false;

/** A template tag that escapes every interpolated value unless it is SafeHtml (or a list of them). */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

function render(value: Interpolation): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map((v: SafeHtml) => v.markup).join('');
  return escapeHtml(value as string | number);
}

/**
 * A code, URL or identifier inside right-to-left text, isolated left to right and kept as typed, its
 * Latin digits included: in a Persian line a neutral `=` or `-` would otherwise move or reorder.
 */
export function leftToRight(text: string): SafeHtml {
  return html`<bdi dir="ltr">${text}</bdi>`;
}

/** The same in plain text (a page title): between LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL ISOLATE. */
export function leftToRightText(text: string): string {
  return `\u2066${text}\u2069`;
}

/** Whether the client prefers an HTML page to JSON, by the order and weights of its Accept header. */
export function prefersHtml(accept: string | undefined): boolean {
  return preferred(accept, ['application/json', 'text/html']) === 'text/html';
}
