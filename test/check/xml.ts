// A small strict XML reader for the JUnit tests: elements, attributes and text, with a stack
// that rejects any mismatched or unclosed tag, raw `<` or `&` in text, and unknown entities.
// Enough for the subset JUnit reports use (no CDATA, no DOCTYPE, no comments).

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(raw: string, where: string): string {
  return raw.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new Error(`bare & in ${where}`);
    const numeric = /^#(x[0-9a-fA-F]+|\d+)$/.exec(name);
    if (numeric?.[1]) return String.fromCodePoint(numeric[1].startsWith('x') ? Number.parseInt(numeric[1].slice(1), 16) : Number(numeric[1]));
    const value = ENTITIES[name];
    if (value === undefined) throw new Error(`unknown entity &${name}; in ${where}`);
    return value;
  });
}

const NAME = /^[A-Za-z_][\w.-]*/;

function parseAttrs(raw: string, tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  let rest = raw.trim();
  while (rest !== '') {
    const m = /^([A-Za-z_][\w.:-]*)\s*=\s*"([^"]*)"\s*/.exec(rest);
    if (!m?.[1]) throw new Error(`bad attribute syntax in <${tag}>: ${rest}`);
    if (m[1] in attrs) throw new Error(`duplicate attribute ${m[1]} in <${tag}>`);
    if (m[2]?.includes('<')) throw new Error(`raw < in attribute ${m[1]} of <${tag}>`);
    attrs[m[1]] = decode(m[2] ?? '', `attribute ${m[1]} of <${tag}>`);
    rest = rest.slice(m[0].length);
  }
  return attrs;
}

/** Parse a document; throws on anything that is not well-formed. Returns the root element. */
export function parseXml(text: string): XmlElement {
  let i = 0;
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end < 0) throw new Error('unclosed XML declaration');
    i = end + 2;
  }
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  while (i < text.length) {
    const top = stack[stack.length - 1];
    if (!top) throw new Error('internal: empty stack');
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt < 0 ? text.length : lt);
    if (chunk.includes('>')) throw new Error(`raw > in text near ${JSON.stringify(chunk.slice(0, 40))}`);
    top.text += decode(chunk, `text of <${top.name}>`);
    if (lt < 0) break;
    const gt = text.indexOf('>', lt);
    if (gt < 0) throw new Error('unclosed tag');
    const inside = text.slice(lt + 1, gt);
    if (inside.startsWith('/')) {
      const name = inside.slice(1).trim();
      if (stack.length === 1 || top.name !== name) throw new Error(`</${name}> does not close <${top.name}>`);
      stack.pop();
    } else {
      const selfClosing = inside.endsWith('/');
      const body = selfClosing ? inside.slice(0, -1) : inside;
      const name = NAME.exec(body)?.[0];
      if (!name) throw new Error(`bad tag <${inside}>`);
      const el: XmlElement = { name, attrs: parseAttrs(body.slice(name.length), name), children: [], text: '' };
      top.children.push(el);
      if (!selfClosing) stack.push(el);
    }
    i = gt + 1;
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]?.name}>`);
  const elements = root.children;
  if (elements.length !== 1 || !elements[0]) throw new Error(`expected one root element, got ${elements.length}`);
  if (root.text.trim() !== '') throw new Error('text outside the root element');
  return elements[0];
}

/** Every descendant element with this name, in document order. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  return el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...findAll(c, name)]);
}
