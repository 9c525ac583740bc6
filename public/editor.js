/**
 * Cổng — a small rich-text editor for the administration's content forms.
 *
 * Progressive enhancement: the form posts a plain <textarea name="bodyHtml"> that works
 * without this script. When it runs, each <textarea data-rich-editor> is hidden behind an
 * editable area with a toolbar (headings, bold, italic, lists, link, table, images from the
 * media library, undo/redo, HTML source) and kept in sync with it, so the form submits the
 * same field. Pasted Word or web HTML is cleaned down to structure; the server sanitises
 * again on save anyway. Plain ES module, no build step, no inline script (strict CSP).
 */

const WORDS = {
  vi: {
    toolbar: 'Định dạng nội dung',
    h2: ['H2', 'H2 — tiêu đề mục'],
    h3: ['H3', 'H3 — tiêu đề mục nhỏ'],
    p: ['Đoạn', 'Đoạn văn thường'],
    bold: ['Đậm', 'Đậm (Ctrl+B)'],
    italic: ['Nghiêng', 'Nghiêng (Ctrl+I)'],
    ul: ['• Danh sách', '• Danh sách dấu chấm'],
    ol: ['1. Danh sách', '1. Danh sách đánh số'],
    link: ['Liên kết', 'Liên kết: chèn hoặc sửa'],
    table: ['Bảng', 'Bảng: chèn bảng'],
    image: ['Ảnh', 'Ảnh từ thư viện tệp'],
    undo: ['Hoàn tác', 'Hoàn tác (Ctrl+Z)'],
    redo: ['Làm lại', 'Làm lại (Ctrl+Y)'],
    source: ['HTML', 'HTML — sửa mã nguồn'],
    linkPrompt: 'Địa chỉ liên kết (https://…, mailto:… hoặc /đường-dẫn). Để trống để bỏ liên kết.',
    badLink: 'Địa chỉ liên kết không hợp lệ.',
    tablePrompt: 'Số cột và số hàng (kể cả hàng tiêu đề), ví dụ 3x4:',
    header: 'Tiêu đề',
    images: 'Chọn ảnh từ thư viện tệp',
    loading: 'Đang tải ảnh…',
    noImages: 'Thư viện chưa có ảnh nào.',
    loadFailed: 'Không tải được thư viện tệp.',
    close: 'Đóng',
    prev: 'Trang trước',
    next: 'Trang sau',
    page: (n, total) => `Trang ${n}/${total}`,
    noAlt: '(chưa có văn bản thay thế)',
  },
  en: {
    toolbar: 'Formatting',
    h2: ['H2', 'H2 — section heading'],
    h3: ['H3', 'H3 — subsection heading'],
    p: ['Paragraph', 'Paragraph — normal text'],
    bold: ['Bold', 'Bold (Ctrl+B)'],
    italic: ['Italic', 'Italic (Ctrl+I)'],
    ul: ['• List', '• List with bullets'],
    ol: ['1. List', '1. Numbered list'],
    link: ['Link', 'Link: insert or edit'],
    table: ['Table', 'Table: insert a table'],
    image: ['Image', 'Image from the media library'],
    undo: ['Undo', 'Undo (Ctrl+Z)'],
    redo: ['Redo', 'Redo (Ctrl+Y)'],
    source: ['HTML', 'HTML — edit the source'],
    linkPrompt: 'Link address (https://…, mailto:… or /path). Empty removes the link.',
    badLink: 'That is not a valid link address.',
    tablePrompt: 'Columns and rows (header row included), for example 3x4:',
    header: 'Heading',
    images: 'Choose an image from the media library',
    loading: 'Loading images…',
    noImages: 'The library has no images yet.',
    loadFailed: 'The media library could not be loaded.',
    close: 'Close',
    prev: 'Previous page',
    next: 'Next page',
    page: (n, total) => `Page ${n} of ${total}`,
    noAlt: '(no alt text yet)',
  },
};

/** Elements kept as they are (attributes filtered below). */
const KEEP = new Set([
  'p',
  'br',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'em',
  'u',
  's',
  'sub',
  'sup',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'figure',
  'figcaption',
  'img',
  'hr',
  'code',
  'pre',
]);
/** Elements dropped with everything inside. */
const DROP = new Set([
  'script',
  'style',
  'meta',
  'link',
  'title',
  'head',
  'xml',
  'iframe',
  'object',
  'embed',
  'frame',
  'frameset',
  'form',
  'input',
  'button',
  'select',
  'option',
  'textarea',
  'svg',
  'math',
  'template',
  'noscript',
  'canvas',
  'video',
  'audio',
  'o:p',
  'w:sdt',
  'v:shape',
  'v:imagedata',
]);
const RENAME = { b: 'strong', i: 'em', h1: 'h2', strike: 's', del: 's', ins: 'u', dir: 'ul', center: 'p' };
const ATTRIBUTES = { a: ['href'], img: ['src', 'alt', 'width', 'height'], th: ['scope', 'colspan', 'rowspan'], td: ['colspan', 'rowspan'], ol: ['start'] };

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** A link the sanitiser keeps: http(s), mailto, tel, or a path on this site. */
function safeHref(href) {
  const v = href.trim();
  if (/^(https?:|mailto:|tel:)/i.test(v)) return v;
  if (/^\/(?!\/)/.test(v) || v.startsWith('#')) return v;
  return null;
}

function safeSrc(src) {
  const v = src.trim();
  return /^https?:/i.test(v) || /^\/(?!\/)/.test(v) ? v : null;
}

/**
 * Cleans HTML (pasted from Word, web pages, or typed in the source view) to structure:
 * no comments, Office tags (o:p…), classes, styles, spans or font tags; Word's list
 * markers dropped; empty paragraphs removed. Parsed in an inert document: nothing runs.
 */
export function cleanHtml(input) {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${input}`, 'text/html');
  cleanChildren(doc.body);
  return doc.body.innerHTML.replace(/\u00a0/g, '&nbsp;').trim();
}

function cleanChildren(parent) {
  for (const node of [...parent.childNodes]) {
    if (node.nodeType === Node.COMMENT_NODE || node.nodeType === Node.PROCESSING_INSTRUCTION_NODE) {
      node.remove();
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const el = /** @type {HTMLElement} */ (node);
    let tag = el.tagName.toLowerCase();
    const style = el.getAttribute('style') ?? '';
    // Word's list bullets and numbers ("·", "1.") live in spans marked mso-list:Ignore.
    if (DROP.has(tag) || tag.includes(':') || /mso-list\s*:\s*ignore/i.test(style) || /display\s*:\s*none/i.test(style)) {
      el.remove();
      continue;
    }
    cleanChildren(el);
    // Google Docs wraps everything in <b style="font-weight:normal">.
    if (tag === 'b' && /font-weight\s*:\s*(normal|[1-4]00)/i.test(style)) tag = 'span';
    tag = RENAME[tag] ?? tag;
    if (tag === 'div') tag = [...el.children].some((c) => /^(P|DIV|H\d|UL|OL|TABLE|BLOCKQUOTE|FIGURE|PRE)$/.test(c.tagName)) ? 'span' : 'p';
    if (!KEEP.has(tag)) {
      el.replaceWith(...el.childNodes);
      continue;
    }
    const out = tag === el.tagName.toLowerCase() ? el : renameElement(el, tag);
    for (const attr of [...out.attributes]) {
      if (!(ATTRIBUTES[tag] ?? []).includes(attr.name)) out.removeAttribute(attr.name);
    }
    if (tag === 'a') {
      const href = safeHref(out.getAttribute('href') ?? '');
      if (!href) {
        out.replaceWith(...out.childNodes);
        continue;
      }
      out.setAttribute('href', href);
    }
    if (tag === 'img') {
      const src = safeSrc(out.getAttribute('src') ?? '');
      if (!src) {
        out.remove();
        continue;
      }
      if (!out.hasAttribute('alt')) out.setAttribute('alt', '');
    }
    if (
      (tag === 'p' || /^h\d$/.test(tag) || tag === 'strong' || tag === 'em') &&
      !out.querySelector('img,br,table') &&
      out.textContent.replace(/[\s\u00a0]/g, '') === ''
    ) {
      out.remove();
    }
  }
}

function renameElement(el, tag) {
  const copy = el.ownerDocument.createElement(tag);
  for (const attr of el.attributes) copy.setAttribute(attr.name, attr.value);
  copy.append(...el.childNodes);
  el.replaceWith(copy);
  return copy;
}

function button(name, words, extra = {}) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'rte-button';
  b.dataset.command = name;
  b.textContent = words[0];
  b.title = words[1];
  if (words[1] !== words[0]) b.setAttribute('aria-label', words[1]);
  for (const [k, v] of Object.entries(extra)) b.setAttribute(k, v);
  return b;
}

function enhance(textarea) {
  const lang = textarea.dataset.lang === 'en' ? 'en' : 'vi';
  const t = WORDS[lang];
  const form = textarea.form;
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  if (label && !label.id) label.id = `${textarea.id}-label`;
  const imagesUrl = textarea.dataset.imagesUrl;

  const wrap = document.createElement('div');
  wrap.className = 'rte';
  const toolbar = document.createElement('div');
  toolbar.className = 'rte-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', t.toolbar);
  const area = document.createElement('div');
  area.className = 'rte-area prose';
  area.id = `${textarea.id}-rte`;
  area.contentEditable = 'true';
  area.setAttribute('role', 'textbox');
  area.setAttribute('aria-multiline', 'true');
  if (label) area.setAttribute('aria-labelledby', label.id);
  const described = textarea.getAttribute('aria-describedby');
  if (described) area.setAttribute('aria-describedby', described);
  if (textarea.getAttribute('aria-invalid') === 'true') area.setAttribute('aria-invalid', 'true');
  area.spellcheck = true;
  area.lang = document.documentElement.lang || lang;
  toolbar.setAttribute('aria-controls', area.id);

  const groups = [['h2', 'h3', 'p'], ['bold', 'italic'], ['ul', 'ol'], ['link', 'table', ...(imagesUrl ? ['image'] : [])], ['undo', 'redo'], ['source']];
  const buttons = {};
  for (const group of groups) {
    const g = document.createElement('span');
    g.className = 'rte-group';
    for (const name of group) {
      const pressable = ['bold', 'italic', 'ul', 'ol', 'source'].includes(name);
      const b = button(
        name,
        t[name],
        pressable ? { 'aria-pressed': 'false' } : name === 'image' ? { 'aria-haspopup': 'dialog', 'aria-expanded': 'false' } : {},
      );
      buttons[name] = b;
      g.append(b);
    }
    toolbar.append(g);
  }
  wrap.append(toolbar, area);
  textarea.before(wrap);
  textarea.hidden = true;
  area.innerHTML = cleanHtml(textarea.value);

  let sourceMode = false;

  const sync = () => {
    if (sourceMode) return;
    const value = cleanHtml(area.innerHTML);
    textarea.value = /^(<p><br><\/p>)*$/.test(value) ? '' : value;
  };

  const exec = (command, value) => {
    area.focus();
    document.execCommand(command, false, value);
    sync();
    updateState();
  };

  try {
    document.execCommand('defaultParagraphSeparator', false, 'p');
    document.execCommand('styleWithCSS', false, 'false');
  } catch {
    // Older engines: the defaults are fine.
  }
  if (!area.innerHTML.trim()) area.innerHTML = '<p><br></p>';

  function updateState() {
    if (sourceMode) return;
    for (const [name, command] of [
      ['bold', 'bold'],
      ['italic', 'italic'],
      ['ul', 'insertUnorderedList'],
      ['ol', 'insertOrderedList'],
    ]) {
      let on = false;
      try {
        on = document.queryCommandState(command);
      } catch {
        on = false;
      }
      buttons[name].setAttribute('aria-pressed', String(on && area.contains(document.getSelection()?.anchorNode ?? null)));
    }
  }

  function insertLink() {
    const selection = document.getSelection();
    const existing = selection?.anchorNode?.parentElement?.closest('a');
    const answer = window.prompt(t.linkPrompt, existing?.getAttribute('href') ?? 'https://');
    if (answer === null) return;
    if (answer.trim() === '' || answer.trim() === 'https://') {
      exec('unlink');
      return;
    }
    const href = safeHref(answer);
    if (!href) {
      window.alert(t.badLink);
      return;
    }
    if (!selection || selection.isCollapsed) exec('insertHTML', `<a href="${escapeHtml(href)}">${escapeHtml(href)}</a>`);
    else exec('createLink', href);
  }

  function insertTable() {
    const answer = window.prompt(t.tablePrompt, '3x3');
    if (answer === null) return;
    const m = /^\s*(\d{1,2})\s*[x×*,; ]\s*(\d{1,3})\s*$/i.exec(answer);
    const cols = Math.min(Math.max(Number(m?.[1] ?? 3), 1), 12);
    const rows = Math.min(Math.max(Number(m?.[2] ?? 3), 2), 100);
    const head = `<thead><tr>${Array.from({ length: cols }, (_, i) => `<th scope="col">${escapeHtml(t.header)} ${i + 1}</th>`).join('')}</tr></thead>`;
    const body = `<tbody>${Array.from({ length: rows - 1 }, () => `<tr>${'<td><br></td>'.repeat(cols)}</tr>`).join('')}</tbody>`;
    exec('insertHTML', `<table>${head}${body}</table><p><br></p>`);
  }

  function toggleSource() {
    sourceMode = !sourceMode;
    if (sourceMode) {
      textarea.value = cleanHtml(area.innerHTML);
      area.hidden = true;
      textarea.hidden = false;
      textarea.focus();
    } else {
      area.innerHTML = cleanHtml(textarea.value) || '<p><br></p>';
      textarea.value = cleanHtml(area.innerHTML);
      textarea.hidden = true;
      area.hidden = false;
      area.focus();
    }
    buttons.source.setAttribute('aria-pressed', String(sourceMode));
    for (const [name, b] of Object.entries(buttons)) if (name !== 'source') b.disabled = sourceMode;
  }

  // ---- Images from the media library ----
  let savedRange = null;
  let panel = null;

  function closeImages() {
    panel?.remove();
    panel = null;
    buttons.image?.setAttribute('aria-expanded', 'false');
    buttons.image?.focus();
  }

  async function showImages(page) {
    if (!panel) {
      panel = document.createElement('div');
      panel.className = 'rte-images';
      panel.setAttribute('role', 'dialog');
      panel.setAttribute('aria-label', t.images);
      panel.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          closeImages();
        }
      });
      wrap.insertBefore(panel, area);
      buttons.image.setAttribute('aria-expanded', 'true');
    }
    panel.replaceChildren();
    const heading = document.createElement('p');
    heading.className = 'rte-images-title';
    heading.textContent = t.images;
    const status = document.createElement('p');
    status.setAttribute('role', 'status');
    status.textContent = t.loading;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'secondary';
    close.textContent = t.close;
    close.addEventListener('click', closeImages);
    panel.append(heading, status, close);
    close.focus();
    let data;
    try {
      const res = await fetch(`${imagesUrl}?trang=${page}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      if (!res.ok) throw new Error(String(res.status));
      data = await res.json();
    } catch {
      status.textContent = t.loadFailed;
      return;
    }
    status.textContent = data.items.length ? t.page(data.page, data.pages) : t.noImages;
    const list = document.createElement('ul');
    list.className = 'rte-image-list';
    for (const item of data.items) {
      const li = document.createElement('li');
      const choose = document.createElement('button');
      choose.type = 'button';
      const img = document.createElement('img');
      img.src = item.thumb;
      img.alt = '';
      img.loading = 'lazy';
      const caption = document.createElement('span');
      caption.textContent = item.alt || `${item.name} ${t.noAlt}`;
      choose.append(img, caption);
      choose.addEventListener('click', () => insertImage(item));
      li.append(choose);
      list.append(li);
    }
    panel.insertBefore(list, close);
    if (data.pages > 1) {
      const nav = document.createElement('p');
      for (const [label, target, enabled] of [
        [t.prev, data.page - 1, data.page > 1],
        [t.next, data.page + 1, data.page < data.pages],
      ]) {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'secondary';
        b.textContent = label;
        b.disabled = !enabled;
        b.addEventListener('click', () => showImages(target));
        nav.append(b, ' ');
      }
      panel.insertBefore(nav, close);
    }
    list.querySelector('button')?.focus();
  }

  function insertImage(item) {
    area.focus();
    const selection = document.getSelection();
    if (savedRange && selection) {
      selection.removeAllRanges();
      selection.addRange(savedRange);
    }
    const size = item.width && item.height ? ` width="${Number(item.width)}" height="${Number(item.height)}"` : '';
    // The image goes in a paragraph of its own (editing engines unwrap a <figure> typed into a paragraph).
    const anchor = document.getSelection()?.anchorNode;
    const block = (anchor instanceof Element ? anchor : anchor?.parentElement)?.closest('p,h2,h3,h4,li,td,th,blockquote');
    if (block && area.contains(block) && (block.textContent ?? '').trim() !== '') document.execCommand('insertParagraph');
    document.execCommand('insertHTML', false, `<img src="${escapeHtml(item.src)}" alt="${escapeHtml(item.alt ?? '')}"${size}>`);
    sync();
    closeImages();
  }

  const actions = {
    h2: () => exec('formatBlock', '<h2>'),
    h3: () => exec('formatBlock', '<h3>'),
    p: () => exec('formatBlock', '<p>'),
    bold: () => exec('bold'),
    italic: () => exec('italic'),
    ul: () => exec('insertUnorderedList'),
    ol: () => exec('insertOrderedList'),
    link: insertLink,
    table: insertTable,
    image: () => {
      const selection = document.getSelection();
      savedRange = selection?.rangeCount && area.contains(selection.anchorNode) ? selection.getRangeAt(0).cloneRange() : null;
      if (panel) closeImages();
      else void showImages(1);
    },
    undo: () => exec('undo'),
    redo: () => exec('redo'),
    source: toggleSource,
  };

  // Keep the selection in the editing area when a toolbar button is pressed.
  toolbar.addEventListener('mousedown', (e) => {
    if (e.target instanceof Element && e.target.closest('button')) e.preventDefault();
  });
  toolbar.addEventListener('click', (e) => {
    const b = e.target instanceof Element ? e.target.closest('button') : null;
    if (!b || b.disabled) return;
    actions[b.dataset.command]?.();
  });

  area.addEventListener('input', sync);
  area.addEventListener('blur', sync);
  area.addEventListener('keyup', updateState);
  area.addEventListener('mouseup', updateState);
  document.addEventListener('selectionchange', () => {
    if (document.activeElement === area) updateState();
  });
  area.addEventListener('paste', (e) => {
    const data = e.clipboardData;
    if (!data) return;
    e.preventDefault();
    const pasted = data.getData('text/html');
    if (pasted) {
      document.execCommand('insertHTML', false, cleanHtml(pasted));
    } else {
      const text = data.getData('text/plain');
      const paragraphs = text.split(/\r?\n\s*\r?\n/).map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`);
      document.execCommand('insertHTML', false, paragraphs.length > 1 ? paragraphs.join('') : escapeHtml(text));
    }
    sync();
  });
  label?.addEventListener('click', (e) => {
    if (sourceMode) return;
    e.preventDefault();
    area.focus();
  });
  form?.addEventListener('submit', sync);
  // The form field remains the one posted; tests and people can see the editor is active.
  textarea.dataset.richEditorActive = 'true';
  sync();
}

for (const textarea of document.querySelectorAll('textarea[data-rich-editor]')) enhance(textarea);
