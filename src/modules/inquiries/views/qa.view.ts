/**
 * The public Q&A section (QA-5): answered requests the citizen agreed to publish, in the text
 * the board confirmed with personal data removed, listed by field.
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import { html, raw, type SafeHtml } from '../../../platform/views/html.ts';
import { formatBytes } from '../../media/index.ts';
import { dateOnly, paragraphs } from './citizen-pages.ts';
import { t } from '../messages.ts';

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
  const heading = v.currentField ? `${t(L, 'common.questionsAnswers')}: ${v.currentField}` : t(L, 'common.questionsAnswers');
  return html`<h1>${heading}</h1>
<p>${t(L, 'publicQa.questionsFromCitizensBusinessesCompetent')}</p>
<p><a href="${v.askHref}"><strong>${t(L, 'common.sendQuestionFeedback')}</strong></a> · <a href="${v.statusHref}">${t(L, 'common.trackYourRequest')}</a></p>
<nav class="iq-fields" aria-label="${t(L, 'publicQa.filterField')}">
<h2>${t(L, 'publicQa.fields')}</h2>
<ul>
<li><a href="${v.all.href}"${v.all.current ? raw(' aria-current="page"') : ''}>${t(L, 'common.all')} (${v.all.count})</a></li>
${v.fields.map((f) => html`<li><a href="${f.href}"${f.current ? raw(' aria-current="page"') : ''}>${f.label} (${f.count})</a></li>`)}
</ul>
</nav>
<h2>${t(L, 'publicQa.answeredQuestions')} (${v.total})</h2>
${
  v.entries.length
    ? html`<ul class="iq-list">${v.entries.map(
        (e) => html`<li><h3><a href="${e.href}">${e.title}</a></h3>
<p class="iq-meta">${e.fieldLabel} · ${t(L, 'publicQa.published')} ${dateOnly(e.publishedAt)}</p>
<p>${e.excerpt}</p></li>`,
      )}</ul>`
    : html`<p>${t(L, 'publicQa.noQuestionsHaveBeenPublished')}</p>`
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
<p class="iq-meta">${t(L, 'common.field')}: <a href="${v.fieldHref}">${v.fieldLabel}</a> · ${t(L, 'publicQa.published')} ${dateOnly(v.publishedAt)}</p>
<h2>${t(L, 'publicQa.question')}</h2>
${paragraphs(v.question)}
<h2>${t(L, 'publicQa.answer')}</h2>
${
  v.agency || v.answeredAt
    ? html`<p class="iq-meta">${v.agency ? html`${t(L, 'publicQa.answered')}: ${v.agency}` : ''}${v.agency && v.answeredAt ? ' · ' : ''}${v.answeredAt ? html`${t(L, 'publicQa.answered2')} ${dateOnly(v.answeredAt)}` : ''}</p>`
    : ''
}
<div class="iq-answer">${raw(v.answerHtml)}</div>
${
  v.files.length
    ? html`<h2>${t(L, 'publicQa.documents')}</h2>
<ul>${v.files.map((f) => html`<li><a href="${f.href}" download>${f.filename}</a> <span class="iq-meta">(${formatBytes(f.size, L)})</span></li>`)}</ul>`
    : ''
}
</article>
<p><a href="${v.listHref}">${t(L, 'publicQa.allQuestions')}</a> · <a href="${v.askHref}">${t(L, 'publicQa.sendYourOwnQuestion')}</a></p>`;
}
