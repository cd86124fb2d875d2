import { escapeHtml, html, prefersHtml } from './html.js';

describe('html', () => {
  it('escapes interpolated text but not nested markup', () => {
    const name = '<script>alert("x")</script>';
    const inner = html`<b>${name}</b>`;
    expect(html`<p>${inner}${[html`<i>${'&'}</i>`]}${undefined}</p>`.markup).toBe(
      '<p><b>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</b><i>&amp;</i></p>',
    );
    expect(escapeHtml("it's")).toBe('it&#39;s');
  });

  it.each([
    ['text/html,application/xhtml+xml,*/*;q=0.8', true],
    ['application/json', false],
    ['application/json, text/html;q=0.9', false],
    ['text/html;q=0.5, application/json;q=0.4', true],
    [undefined, false],
    ['*/*', false],
  ])('Accept %s prefers HTML: %s', (accept, expected) => {
    expect(prefersHtml(accept)).toBe(expected);
  });
});
