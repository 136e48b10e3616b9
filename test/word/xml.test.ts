// The XML tokenizer the reader and the annotator stand on: the places of tags
// and texts in the source, entities decoded, namespaces by declaration, and
// malformed XML refused with a reason and a place.

import * as assert from 'assert';
import { PartError } from '../../server/src/word/errors';
import { parseXml, sourceOffset, W, type XmlOpen } from '../../server/src/word/xml';

function events(source: string): string[] {
  const out: string[] = [];
  parseXml(source, 'p.xml', {
    open: (t: XmlOpen) => out.push(`<${t.uri === W ? 'W:' : ''}${t.local}@${t.start}-${t.end}${t.selfClosing ? '/' : ''}>`),
    close: (t) => out.push(`</${t.local}@${t.start}-${t.end}>`),
    text: (text, start, end) => out.push(`${JSON.stringify(text)}@${start}-${end}`),
  });
  return out;
}

function refuses(source: string, reason: RegExp, code = 'xml'): void {
  assert.throws(
    () => parseXml(source, 'p.xml', {}),
    (e: PartError) => e instanceof PartError && e.code === code && reason.test(String(e.args.join(' '))),
  );
}

describe('XML tokenizer', () => {
  it('gives each tag and text with its place in the source', () => {
    const src = `<?xml version="1.0"?>\n<x:a xmlns:x="${W}"><x:b k='v'>一&amp;二</x:b><!-- c --><x:c/></x:a>`;
    const at = (s: string) => src.indexOf(s);
    assert.deepStrictEqual(events(src), [
      `<W:a@${at('<x:a')}-${at('<x:b')}>`,
      `<W:b@${at('<x:b')}-${at('一')}>`,
      `"一&二"@${at('一')}-${at('</x:b>')}`,
      `</b@${at('</x:b>')}-${at('<!--')}>`,
      `<W:c@${at('<x:c/>')}-${at('</x:a>')}/>`,
      `</c@${at('</x:a>')}-${at('</x:a>')}>`,
      `</a@${at('</x:a>')}-${src.length}>`,
    ]);
  });

  it('maps decoded characters back through entities, CR LF, CDATA and characters outside the BMP', () => {
    const src = '<a>x&lt;&#x20000;y\r\nz<![CDATA[<q>]]>w</a>';
    let text = '';
    let range = [0, 0];
    parseXml(src, 'p.xml', { text: (t, s, e) => ((text += t), (range = text === t ? [s, e] : [range[0], e])) });
    assert.strictEqual(text, 'x<\u{20000}y\nz<q>w');
    const [s, e] = range;
    const offsetOf = (k: number) => sourceOffset(src, s, e, k);
    assert.strictEqual(src.slice(offsetOf(1), offsetOf(1) + 4), '&lt;');
    assert.strictEqual(src.slice(offsetOf(2), offsetOf(2) + 9), '&#x20000;');
    assert.strictEqual(src[offsetOf(4)], 'y');
    assert.strictEqual(src[offsetOf(6)], 'z');
    assert.strictEqual(src[offsetOf(7)], '<');
    assert.strictEqual(src[offsetOf(10)], 'w');
  });

  it('resolves namespaces by their declarations, nested ones included', () => {
    const uris: string[] = [];
    parseXml(`<r xmlns="u1" xmlns:p="u2"><p:a/><b xmlns="u3"><c/></b><d/></r>`, 'p.xml', { open: (t) => uris.push(`${t.local}=${t.uri}`) });
    assert.deepStrictEqual(uris, ['r=u1', 'a=u2', 'b=u3', 'c=u3', 'd=u1']);
  });

  it('refuses malformed XML with the place and the reason', () => {
    refuses('<a><b></a>', /1:7: <\/a> closes <b>/);
    refuses('<a>&nbsp;</a>', /entity &nbsp; is not defined/);
    refuses('<a>x & y</a>', /bare "&"/);
    refuses('<a>&#1;</a>', /not a character/);
    refuses('<a k="1" k="2"/>', /attribute k twice/);
    refuses('<a k=1/>', /not closed/);
    refuses('<a/><b/>', /second root/);
    refuses('<a>', /ends inside <a>/);
    refuses('text', /text outside the root/);
    refuses('', /no root element/);
    refuses('<!DOCTYPE a><a/>', /p\.xml/, 'doctype');
    refuses('<a><!DOCTYPE a></a>', /p\.xml/, 'doctype');
  });
});
