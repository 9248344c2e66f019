/**
 * DOM backend of the vnode tree: createElement and createTextNode only, so payload text can
 * only ever become text. Tags and attributes are re-checked against the allow-lists here too.
 */
import { ALLOWED_TAGS, SVG_TAGS, isAllowedAttr, type VNode } from '../preview/vnode';

export function toDom(node: VNode, doc: Document = document): Node {
  if (typeof node === 'string') return doc.createTextNode(node);
  if (!ALLOWED_TAGS.has(node.tag)) {
    const frag = doc.createDocumentFragment();
    for (const c of node.children ?? []) frag.appendChild(toDom(c, doc));
    return frag;
  }
  const el = SVG_TAGS.has(node.tag) ? doc.createElementNS('http://www.w3.org/2000/svg', node.tag) : doc.createElement(node.tag);
  for (const [k, v] of Object.entries(node.attrs ?? {})) {
    if (!isAllowedAttr(node.tag, k)) continue;
    if (k === 'src' && !/^https:\/\//i.test(v)) continue;
    el.setAttribute(k, v);
  }
  for (const c of node.children ?? []) el.appendChild(toDom(c, doc));
  return el;
}
