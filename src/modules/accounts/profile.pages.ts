/** "My profile": one's own details and roles, password, second factor and sessions. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatDateTime, type Lang } from '../../platform/i18n/index.ts';
import { isDomainError } from '../../platform/http/errors.ts';
import { html, type SafeHtml } from '../../platform/views/html.ts';
import { csrfInput, errorsByField, field } from '../../platform/views/forms.ts';
import { roleLabel } from '../access/index.ts';
import type { AdminContext } from './admin-context.ts';
import { adminHref } from './admin-paths.ts';
import { csrfGuard, csrfToken } from './auth.http.ts';
import { str } from './auth.pages.ts';
import { ownAccount } from './accounts.service.ts';
import * as repo from './accounts.repo.ts';
import { changePassword } from './password.service.ts';
import { endSession, listSessionsOf } from './sessions.ts';
import type { AuthDeps } from './sign-in.service.ts';
import { requires2fa } from './sign-in.service.ts';
import { disableOwnTwoFactor, regenerateRecoveryCodes } from './two-factor.service.ts';
import { t } from './messages.ts';

const OK: Record<string, { vi: string; en: string }> = {
  'doi-mat-khau': { vi: 'Đã đổi mật khẩu. Các phiên khác đã kết thúc.', en: 'Password changed. Your other sessions have ended.' },
  'ket-thuc-phien': { vi: 'Đã kết thúc phiên.', en: 'Session ended.' },
  'tat-xac-thuc': { vi: 'Đã tắt xác thực hai lớp.', en: 'Two-factor authentication is off.' },
  'het-han-mat-khau': {
    vi: 'Mật khẩu quản trị phải đổi sau mỗi 2 tháng: vui lòng đặt mật khẩu mới.',
    en: 'Administrator passwords must be renewed every 2 months: please set a new one.',
  },
};

export function registerProfilePages(app: FastifyInstance, deps: AuthDeps & { admin: AdminContext }): void {
  const { admin, db } = deps;
  const guard = csrfGuard(app, db);

  for (const lang of ['vi', 'en'] as const) {
    const p = (name: Parameters<typeof adminHref>[1]) => adminHref(lang, name);
    const notice = (request: FastifyRequest) => {
      const text = OK[str(request.query, 'tb')]?.[lang];
      return text ? { notice: { kind: 'ok' as const, text } } : {};
    };

    app.get(p('profile'), async (request, reply) => {
      const s = await admin.scope(request);
      const me = await ownAccount(db, s.actor.accountId);
      return admin.send(
        request,
        reply,
        {
          title: t(lang, 'profile.myProfile'),
          ...notice(request),
          main: html`<h1>${t(lang, 'profile.myProfile')}</h1>
<dl class="contact"><dt>${t(lang, 'common.name')}</dt><dd>${me.name}</dd><dt>${t(lang, 'common.eMail')}</dt><dd>${me.email}</dd>
<dt>${t(lang, 'profile.unit')}</dt><dd>${me.unit || '—'}</dd>
<dt>${t(lang, 'common.twoFactor')}</dt><dd>${me.twoFactor ? t(lang, 'profile.text') : t(lang, 'profile.off')}</dd></dl>
<h2>${t(lang, 'common.roles')}</h2>
<ul>${me.grants.map((g) => html`<li>${roleLabel(g.role, lang)}${g.siteId ? html` — ${lang === 'en' ? g.siteNameEn : g.siteNameVi}` : html` — ${t(lang, 'common.wholePlatform')}`}${g.unit ? html` (${g.unit})` : ''}</li>`)}</ul>
<ul class="link-list">
<li><a href="${p('password')}">${t(lang, 'profile.changePassword')}</a></li>
<li><a href="${p('twoFactor')}">${t(lang, 'common.twoFactorAuthentication')}</a></li>
<li><a href="${p('sessions')}">${t(lang, 'profile.signedSessions')}</a></li>
</ul>`,
        },
        s,
      );
    });

    const passwordPage = async (request: FastifyRequest, reply: FastifyReply, errors: Record<string, string> = {}, status = 200) => {
      const s = await admin.scope(request);
      return admin.send(
        request,
        reply,
        {
          title: t(lang, 'profile.changePassword'),
          ...(Object.keys(errors).length ? { notice: { kind: 'error' as const, text: t(lang, 'profile.passwordWasNotChanged') } } : notice(request)),
          main: html`<h1>${t(lang, 'profile.changePassword')}</h1>
<form method="post" action="${p('password')}" class="form" novalidate>
${csrfInput(csrfToken(request, reply))}
${field({ name: 'current', label: t(lang, 'profile.currentPassword'), type: 'password', required: true, autocomplete: 'current-password', ...(errors.current ? { error: errors.current } : {}) })}
${field({ name: 'password', label: t(lang, 'common.newPassword'), type: 'password', required: true, autocomplete: 'new-password', hint: t(lang, 'profile.least12CharactersLowerUpper'), ...(errors.password ? { error: errors.password } : {}) })}
${field({ name: 'confirm', label: t(lang, 'common.repeatNewPassword'), type: 'password', required: true, autocomplete: 'new-password', ...(errors.confirm ? { error: errors.confirm } : {}) })}
<p><button type="submit">${t(lang, 'profile.changePassword')}</button></p>
</form>`,
        },
        s,
        status,
      );
    };

    app.get(p('password'), async (request, reply) => passwordPage(request, reply));
    app.post(p('password'), { preHandler: guard, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request, reply) => {
      const s = await admin.scope(request);
      const next = str(request.body, 'password');
      if (next !== str(request.body, 'confirm')) return passwordPage(request, reply, { confirm: t(lang, 'common.twoEntriesDiffer') }, 422);
      try {
        await changePassword(deps, s.actor.accountId, request.session!.id, str(request.body, 'current'), next, request.ip);
      } catch (err) {
        if (isDomainError(err) && (err.code === 'password.invalid' || err.code === 'password.wrong_current'))
          return passwordPage(request, reply, errorsByField(err.details), 422);
        throw err;
      }
      return reply.redirect(`${p('profile')}?tb=doi-mat-khau`, 303);
    });

    const twoFactorPage = async (request: FastifyRequest, reply: FastifyReply, extra?: SafeHtml) => {
      const s = await admin.scope(request);
      const me = await ownAccount(db, s.actor.accountId);
      const required = await requires2fa(db, s.actor.accountId);
      const left = me.twoFactor ? await repo.countUnusedRecoveryCodes(db, s.actor.accountId) : 0;
      const csrf = csrfToken(request, reply);
      return admin.send(
        request,
        reply,
        {
          title: t(lang, 'common.twoFactorAuthentication'),
          ...notice(request),
          main: html`<h1>${t(lang, 'common.twoFactorAuthentication')}</h1>
${
  me.twoFactor
    ? html`<p>${t(lang, 'profile.text2')} ${t(lang, 'profile.unusedRecoveryCodesLeft', { left })}</p>
${extra ?? ''}
<form method="post" action="${p('twoFactor')}" class="inline">${csrfInput(csrf)}<input type="hidden" name="thao-tac" value="ma-moi"><button type="submit" class="secondary">${t(lang, 'profile.newRecoveryCodes')}</button></form>
${
  required
    ? html`<p class="muted">${t(lang, 'profile.yourRoleRequiresTwoFactor')}</p>`
    : html`<form method="post" action="${p('twoFactor')}" class="inline">${csrfInput(csrf)}<input type="hidden" name="thao-tac" value="tat"><button type="submit" class="danger">${t(lang, 'profile.turnOff')}</button></form>`
}`
    : html`<p>${t(lang, 'profile.offTwoFactorAuthenticationProtects')}</p>
<p><a class="button" href="${p('enrol')}">${t(lang, 'profile.turn')}</a></p>`
}`,
        },
        s,
      );
    };

    app.get(p('twoFactor'), async (request, reply) => twoFactorPage(request, reply));
    app.post(p('twoFactor'), { preHandler: guard }, async (request, reply) => {
      const s = await admin.scope(request);
      const what = str(request.body, 'thao-tac');
      if (what === 'tat') {
        await disableOwnTwoFactor(deps, s.actor.accountId, request.ip);
        return reply.redirect(`${p('twoFactor')}?tb=tat-xac-thuc`, 303);
      }
      const codes = await regenerateRecoveryCodes(deps, s.actor.accountId, request.ip);
      return twoFactorPage(
        request,
        reply,
        html`<p class="admin-notice admin-notice-ok" role="status">${t(lang, 'profile.newRecoveryCodesShownOnly')}</p><ul class="codes">${codes.map((c) => html`<li>${c}</li>`)}</ul>`,
      );
    });

    app.get(p('sessions'), async (request, reply) => {
      const s = await admin.scope(request);
      const sessions = await listSessionsOf(db, s.actor.accountId);
      const csrf = csrfToken(request, reply);
      return admin.send(
        request,
        reply,
        {
          title: t(lang, 'profile.signedSessions'),
          ...notice(request),
          main: html`<h1>${t(lang, 'profile.signedSessions')}</h1>
<div class="table-wrap" tabindex="0" role="region" aria-label="${t(lang, 'profile.signedSessions')}"><table class="data"><caption class="visually-hidden">${t(lang, 'profile.signedSessions')}</caption>
<thead><tr><th scope="col">${t(lang, 'profile.started')}</th><th scope="col">${t(lang, 'profile.lastActive')}</th><th scope="col">${t(lang, 'profile.ipAddress')}</th><th scope="col">${t(lang, 'profile.browser')}</th><th scope="col"><span class="visually-hidden">${t(lang, 'profile.actions')}</span></th></tr></thead>
<tbody>${sessions.map(
            (x) =>
              html`<tr><td>${formatDateTime(x.created_at)}</td><td>${formatDateTime(x.last_seen_at)}</td><td>${x.ip}</td><td>${x.user_agent.slice(0, 80)}</td><td>${
                x.id === request.session!.id
                  ? t(lang, 'profile.session')
                  : html`<form method="post" action="${p('sessions')}">${csrfInput(csrf)}<input type="hidden" name="phien" value="${x.id.slice(0, 16)}"><button type="submit" class="secondary">${t(lang, 'profile.end')}</button></form>`
              }</td></tr>`,
          )}</tbody></table></div>`,
        },
        s,
      );
    });

    app.post(p('sessions'), { preHandler: guard }, async (request, reply) => {
      const s = await admin.scope(request);
      const prefix = str(request.body, 'phien');
      // Sessions are named by a prefix of their id hash: the full id never leaves the server.
      const target = prefix.length === 16 ? (await listSessionsOf(db, s.actor.accountId)).find((x) => x.id.startsWith(prefix)) : undefined;
      if (target && target.id !== request.session!.id) await endSession(db, target.id);
      return reply.redirect(`${p('sessions')}?tb=ket-thuc-phien`, 303);
    });
  }
}

export type { Lang };
