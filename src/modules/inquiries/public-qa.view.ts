/**
 * The public Q&A section (QA-5): answered requests the citizen agreed to publish, in the text
 * the board confirmed with personal data removed, listed by field.
 */
import type { Lang } from '../../platform/i18n/index.ts';
import { html, raw, type SafeHtml } from '../../platform/views/html.ts';
import { tr } from '../../platform/views/admin-shell.ts';
import { formatBytes } from '../media/index.ts';
import { dateOnly, paragraphs } from './public-common.ts';

export interface QaEntryView {
  title: string;
  href: string;
  fieldLabel: string;
  publishedAt: Date;
  excerpt: string;
}

export interface QaListView {
  lang: Lang;
  entries: readonly QaEntryView[];
  total: number;
  fields: readonly { label: string; href: string; count: number; current: boolean }[];
  all: { href: string; count: number; current: boolean };
  currentField: string | undefined;
  pagination: SafeHtml | '';
  askHref: string;
  statusHref: string;
}

export function qaListMain(v: QaListView): SafeHtml {
  const L = v.lang;
  const heading = v.currentField ? `${tr(L, 'Hỏi đáp', 'Questions and answers')}: ${v.currentField}` : tr(L, 'Hỏi đáp', 'Questions and answers');
  return html`<h1>${heading}</h1>
<p>${tr(
    L,
    'Câu hỏi của người dân, doanh nghiệp và câu trả lời của cơ quan có thẩm quyền, được công bố với sự đồng ý của người hỏi và đã ẩn thông tin cá nhân.',
    'Questions from citizens and businesses with the competent agencies’ answers, published with the askers’ consent and with personal data removed.',
  )}</p>
<p><a href="${v.askHref}"><strong>${tr(L, 'Gửi câu hỏi, góp ý, kiến nghị', 'Send a question or feedback')}</strong></a> · <a href="${v.statusHref}">${tr(L, 'Tra cứu tình trạng yêu cầu', 'Track your request')}</a></p>
<nav class="iq-fields" aria-label="${tr(L, 'Lọc theo lĩnh vực', 'Filter by field')}">
<h2>${tr(L, 'Lĩnh vực', 'Fields')}</h2>
<ul>
<li><a href="${v.all.href}"${v.all.current ? raw(' aria-current="page"') : ''}>${tr(L, 'Tất cả', 'All')} (${v.all.count})</a></li>
${v.fields.map((f) => html`<li><a href="${f.href}"${f.current ? raw(' aria-current="page"') : ''}>${f.label} (${f.count})</a></li>`)}
</ul>
</nav>
<h2>${tr(L, 'Câu hỏi đã được trả lời', 'Answered questions')} (${v.total})</h2>
${
  v.entries.length
    ? html`<ul class="iq-list">${v.entries.map(
        (e) => html`<li><h3><a href="${e.href}">${e.title}</a></h3>
<p class="iq-meta">${e.fieldLabel} · ${tr(L, 'Đăng ngày', 'Published')} ${dateOnly(e.publishedAt)}</p>
<p>${e.excerpt}</p></li>`,
      )}</ul>`
    : html`<p>${tr(L, 'Chưa có câu hỏi nào được công bố.', 'No questions have been published yet.')}</p>`
}
${v.pagination}`;
}

export interface QaDetailView {
  lang: Lang;
  title: string;
  question: string;
  answerHtml: string;
  fieldLabel: string;
  fieldHref: string;
  publishedAt: Date;
  answeredAt: Date | null;
  agency: string | null;
  files: readonly { href: string; filename: string; size: number }[];
  listHref: string;
  askHref: string;
}

export function qaDetailMain(v: QaDetailView): SafeHtml {
  const L = v.lang;
  return html`<article>
<h1>${v.title}</h1>
<p class="iq-meta">${tr(L, 'Lĩnh vực', 'Field')}: <a href="${v.fieldHref}">${v.fieldLabel}</a> · ${tr(L, 'Đăng ngày', 'Published')} ${dateOnly(v.publishedAt)}</p>
<h2>${tr(L, 'Câu hỏi', 'Question')}</h2>
${paragraphs(v.question)}
<h2>${tr(L, 'Trả lời', 'Answer')}</h2>
${
  v.agency || v.answeredAt
    ? html`<p class="iq-meta">${v.agency ? html`${tr(L, 'Cơ quan trả lời', 'Answered by')}: ${v.agency}` : ''}${v.agency && v.answeredAt ? ' · ' : ''}${v.answeredAt ? html`${tr(L, 'Ngày trả lời', 'Answered on')} ${dateOnly(v.answeredAt)}` : ''}</p>`
    : ''
}
<div class="iq-answer">${raw(v.answerHtml)}</div>
${
  v.files.length
    ? html`<h2>${tr(L, 'Tài liệu kèm theo', 'Documents')}</h2>
<ul>${v.files.map((f) => html`<li><a href="${f.href}" download>${f.filename}</a> <span class="iq-meta">(${formatBytes(f.size, L)})</span></li>`)}</ul>`
    : ''
}
</article>
<p><a href="${v.listHref}">${tr(L, '← Tất cả câu hỏi', '← All questions')}</a> · <a href="${v.askHref}">${tr(L, 'Gửi câu hỏi của Ông/Bà', 'Send your own question')}</a></p>`;
}
