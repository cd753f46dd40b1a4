import type { Block, Inline } from './rich-text.ts';

type Attrs = Record<string, string | number | boolean | null | undefined>;
type Child = Node | string | null | undefined | false;

/**
 * Creates an element. Attributes are set one by one and children appended as nodes or text nodes:
 * there is no path from a string to markup anywhere in the widget.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

/** Replaces an element's children (Element.replaceChildren is missing before Chrome 86). */
export function setChildren(el: Element, ...children: (Node | string)[]): void {
  el.textContent = '';
  el.append(...children);
}

const SVG = 'http://www.w3.org/2000/svg';

/** Icons (Feather, MIT) as fixed path data stroked in currentColor; hidden from assistive technology. */
export const ICONS = {
  chat: 'M21 11.5a8.4 8.4 0 0 1-.9 3.8 8.5 8.5 0 0 1-7.6 4.7 8.4 8.4 0 0 1-3.8-.9L3 21l1.9-5.7a8.4 8.4 0 0 1-.9-3.8 8.5 8.5 0 0 1 4.7-7.6 8.4 8.4 0 0 1 3.8-.9h.5a8.5 8.5 0 0 1 8 8v.5z',
  close: 'M18 6L6 18M6 6l12 12',
  send: 'M22 2L11 13M22 2l-7 20-4-9-9-4 20-7z',
  up: 'M14 9V5a3 3 0 0 0-3-3l-4 9v11h11.3a2 2 0 0 0 2-1.7l1.4-9a2 2 0 0 0-2-2.3zM7 22H4a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2h3',
  down: 'M10 15v4a3 3 0 0 0 3 3l4-9V2H5.7a2 2 0 0 0-2 1.7l-1.4 9a2 2 0 0 0 2 2.3zm7-13h2.7A2.3 2.3 0 0 1 22 4v7a2.3 2.3 0 0 1-2.3 2H17',
  clock: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM12 6v6l4 2',
  edit: 'M12 20h9M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4L16.5 3.5z',
};

export function icon(name: keyof typeof ICONS): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'icon');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}

/** Text hidden on screen but read by screen readers (e.g. who wrote a message). */
export const srOnly = (text: string) => h('span', { class: 'sr' }, text);

export function link(text: string, href: string): HTMLAnchorElement {
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, text);
}

function inline(parent: HTMLElement, parts: Inline[]): HTMLElement {
  for (const part of parts) parent.append(part.kind === 'link' ? link(part.text, part.href) : part.text);
  return parent;
}

/** Renders parsed message text as paragraphs and lists. */
export function renderBlocks(blocks: Block[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      const p = h('p');
      block.lines.forEach((line, i) => {
        if (i > 0) p.append(h('br'));
        inline(p, line);
      });
      fragment.append(p);
    } else {
      const list = block.kind === 'steps' ? h('ol', { start: block.start === 1 ? null : block.start }) : h('ul');
      for (const item of block.items) list.append(inline(h('li'), item));
      fragment.append(list);
    }
  }
  return fragment;
}
