import { describe, expect, it } from 'vitest';
import { html, join, jsonForScript, raw } from './html.ts';

describe('html templates', () => {
  it('escapes interpolated text by default', () => {
    const name = '<script>alert("x")</script> & \'y\'';
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
    );
  });

  it('nests safe fragments without double escaping', () => {
    const inner = html`<b>${'a<b'}</b>`;
    expect(html`<p>${inner}</p>`.value).toBe('<p><b>a&lt;b</b></p>');
  });

  it('renders arrays, and nothing for null, undefined and booleans', () => {
    expect(html`<ul>${['<1>', '2'].map((x) => html`<li>${x}</li>`)}</ul>`.value).toBe('<ul><li>&lt;1&gt;</li><li>2</li></ul>');
    expect(html`${null}${undefined}${false}${true}|`.value).toBe('|');
    expect(join([html`<i>a</i>`, 'b&'], ', ').value).toBe('<i>a</i>, b&amp;');
  });

  it('passes raw HTML only when asked', () => {
    expect(html`${raw('<em>ok</em>')}`.value).toBe('<em>ok</em>');
  });

  it('keeps JSON-LD from closing its script element', () => {
    expect(jsonForScript({ a: '</script><script>x' }).value).not.toContain('</script>');
  });
});
