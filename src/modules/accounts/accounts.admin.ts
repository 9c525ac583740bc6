/**
 * Account management for operators (their site) and platform administrators (every site):
 * list, create with an invitation, edit, suspend and re-activate, grant and revoke roles.
 * Routes are thin; every rule is in accounts.service.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatDateTime } from '../../platform/i18n/index.ts';
import { isDomainError } from '../../platform/http/errors.ts';
import { html } from '../../platform/views/html.ts';
import { csrfInput, errorsByField, field, selectField } from '../../platform/views/forms.ts';
import { isPlatformAdmin, ROLES, roleLabel, UNIT_ROLES, type Role } from '../access/index.ts';
import type { AdminContext, AdminScope } from './admin-context.ts';
import { adminHref } from './admin-paths.ts';
import { csrfGuard, csrfToken } from './auth.http.ts';
import { str } from './auth.pages.ts';
import * as service from './accounts.service.ts';
import type { AuthDeps } from './sign-in.service.ts';
import { t } from './messages.ts';

const NOTICES: Record<string, { vi: string; en: string }> = {
  'da-tao': { vi: 'Đã tạo tài khoản và gửi thư mời đặt mật khẩu.', en: 'Account created; an invitation to set the password was sent.' },
  'da-luu': { vi: 'Đã lưu.', en: 'Saved.' },
  'da-khoa': { vi: 'Đã khóa tài khoản; các phiên của tài khoản đã kết thúc.', en: 'Account suspended; its sessions have ended.' },
  'da-mo': { vi: 'Đã mở lại tài khoản.', en: 'Account re-activated.' },
  'da-cap': { vi: 'Đã cấp vai trò; người dùng cần đăng nhập lại.', en: 'Role granted; the person must sign in again.' },
  'da-thu-hoi': { vi: 'Đã thu hồi vai trò; người dùng cần đăng nhập lại.', en: 'Role revoked; the person must sign in again.' },
};

export function registerAccountAdmin(app: FastifyInstance, deps: AuthDeps & { admin: AdminContext }): void {
  const { admin, db } = deps;
  const guard = csrfGuard(app, db);

  for (const lang of ['vi', 'en'] as const) {
    const base = adminHref(lang, 'accounts');
    const notice = (request: FastifyRequest) => {
      const text = NOTICES[str(request.query, 'tb')]?.[lang];
      return text ? { notice: { kind: 'ok' as const, text } } : {};
    };
    const siteIdOf = (s: AdminScope) => s.site?.id ?? null;
    const roleOptions = (s: AdminScope) =>
      ROLES.filter((r) => r !== 'platform_admin' || isPlatformAdmin(s.actor)).map((r) => ({ value: r, label: roleLabel(r, lang) }));

    app.get(base, async (request, reply) => {
      const s = await admin.scope(request);
      const accounts = await service.listAccounts(db, s.actor, siteIdOf(s));
      return admin.send(
        request,
        reply,
        {
          title: t(lang, 'accounts.accounts'),
          ...notice(request),
          main: html`<h1>${t(lang, 'accounts.accounts')}</h1>
<p><a class="button" href="${adminHref(lang, 'accountNew')}">${t(lang, 'accounts.newAccount')}</a></p>
<div class="table-wrap" tabindex="0" role="region" aria-label="${t(lang, 'accounts.accounts2')}"><table class="data"><caption class="visually-hidden">${t(lang, 'accounts.accounts2')}</caption>
<thead><tr><th scope="col">${t(lang, 'common.name')}</th><th scope="col">${t(lang, 'common.eMail')}</th><th scope="col">${t(lang, 'accounts.rolesSite')}</th><th scope="col">${t(lang, 'accounts.status')}</th><th scope="col">${t(lang, 'accounts.lastSign')}</th></tr></thead>
<tbody>${accounts.map(
            (a) =>
              html`<tr><th scope="row"><a href="${base}/${a.id}">${a.name}</a></th><td>${a.email}</td><td>${a.grants
                .filter((g) => g.siteId === siteIdOf(s) || g.siteId === null)
                .map((g) => roleLabel(g.role, lang))
                .join(
                  ', ',
                )}</td><td>${a.status === 'active' ? html`<span class="badge badge-ok">${t(lang, 'accounts.active')}</span>` : html`<span class="badge badge-off">${t(lang, 'accounts.suspended')}</span>`}</td><td>${a.lastSignInAt ? formatDateTime(a.lastSignInAt) : '—'}</td></tr>`,
          )}</tbody></table></div>`,
        },
        s,
      );
    });

    const newPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      values: Record<string, string> = {},
      errors: Record<string, string> = {},
      status = 200,
    ) => {
      const s = await admin.scope(request);
      return admin.send(
        request,
        reply,
        {
          title: t(lang, 'accounts.newAccount'),
          ...(Object.keys(errors).length
            ? {
                notice: {
                  kind: 'error' as const,
                  text: t(lang, 'accounts.accountWasNotCreatedCheck'),
                },
              }
            : {}),
          main: html`<h1>${t(lang, 'accounts.newAccount')}</h1>
<p>${t(lang, 'accounts.personReceivesEMailInvitation')}</p>
<form method="post" action="${adminHref(lang, 'accountNew')}" class="form" novalidate>
${csrfInput(csrfToken(request, reply))}
${field({ name: 'name', label: t(lang, 'accounts.fullName'), value: values.name ?? '', required: true, autocomplete: 'off', ...(errors.name ? { error: errors.name } : {}) })}
${field({ name: 'email', label: t(lang, 'accounts.officialEMail'), type: 'email', value: values.email ?? '', required: true, autocomplete: 'off', ...(errors.email ? { error: errors.email } : {}) })}
${field({ name: 'phone', label: t(lang, 'accounts.phone'), type: 'tel', value: values.phone ?? '' })}
${field({ name: 'unit', label: t(lang, 'accounts.unitAgency'), value: values.unit ?? '' })}
${selectField({ name: 'role', label: t(lang, 'accounts.roleSite'), options: roleOptions(s).filter((o) => o.value !== 'platform_admin'), value: values.role ?? 'contributor', ...(errors.role ? { error: errors.role } : {}) })}
${field({ name: 'grantUnit', label: t(lang, 'accounts.unitAnsweredAgencyResponders'), value: values.grantUnit ?? '', ...(errors.grantUnit ? { error: errors.grantUnit } : {}) })}
<p><button type="submit">${t(lang, 'accounts.createSendInvitation')}</button></p>
</form>`,
        },
        s,
        status,
      );
    };

    app.get(adminHref(lang, 'accountNew'), async (request, reply) => newPage(request, reply));
    app.post(adminHref(lang, 'accountNew'), { preHandler: guard }, async (request, reply) => {
      const s = await admin.scope(request);
      const b = request.body as Record<string, string>;
      const values = {
        name: str(b, 'name'),
        email: str(b, 'email'),
        phone: str(b, 'phone'),
        unit: str(b, 'unit'),
        role: str(b, 'role'),
        grantUnit: str(b, 'grantUnit'),
      };
      if (!s.site) return newPage(request, reply, values, { role: t(lang, 'accounts.noSiteYet') }, 422);
      try {
        const created = await service.createAccount(db, s.actor, s.site.id, values, `${request.protocol}://${request.host}${adminHref(lang, 'reset')}`);
        return reply.redirect(`${base}/${created.id}?tb=da-tao`, 303);
      } catch (err) {
        if (isDomainError(err) && (err.status === 422 || err.status === 409)) return newPage(request, reply, values, errorsByField(err.details), err.status);
        throw err;
      }
    });

    const detailPage = async (request: FastifyRequest, reply: FastifyReply, id: number, errors: Record<string, string> = {}, status = 200) => {
      const s = await admin.scope(request);
      const a = await service.getAccount(db, s.actor, siteIdOf(s), id);
      const csrf = csrfToken(request, reply);
      const here = `${base}/${a.id}`;
      return admin.send(
        request,
        reply,
        {
          title: a.name,
          ...(Object.keys(errors).length ? { notice: { kind: 'error' as const, text: Object.values(errors).join(' ') } } : notice(request)),
          main: html`<h1>${a.name}</h1>
<p>${a.email} · ${a.status === 'active' ? t(lang, 'accounts.active') : t(lang, 'accounts.suspended')}${a.suspendedReason ? html` (${a.suspendedReason === 'inactive' ? t(lang, 'accounts.inactiveOver45Days') : a.suspendedReason})` : ''} · ${t(lang, 'common.twoFactor')}: ${a.twoFactor ? t(lang, 'accounts.text') : t(lang, 'accounts.off')}</p>
<h2>${t(lang, 'accounts.details')}</h2>
<form method="post" action="${here}" class="form" novalidate>
${csrfInput(csrf)}<input type="hidden" name="thao-tac" value="luu">
${field({ name: 'name', label: t(lang, 'accounts.fullName'), value: a.name, required: true, ...(errors.name ? { error: errors.name } : {}) })}
${field({ name: 'phone', label: t(lang, 'accounts.phone'), type: 'tel', value: a.phone })}
${field({ name: 'unit', label: t(lang, 'accounts.unitAgency'), value: a.unit })}
<p><button type="submit">${t(lang, 'accounts.save')}</button></p>
</form>
<h2>${t(lang, 'common.roles')}</h2>
<ul>${a.grants.map(
            (
              g,
            ) => html`<li>${roleLabel(g.role, lang)} — ${g.siteId ? (lang === 'en' ? g.siteNameEn : g.siteNameVi) : t(lang, 'common.wholePlatform')}${g.unit ? html` (${g.unit})` : ''}
${g.siteId === siteIdOf(s) || isPlatformAdmin(s.actor) ? html`<form method="post" action="${here}" class="inline">${csrfInput(csrf)}<input type="hidden" name="thao-tac" value="thu-hoi"><input type="hidden" name="grant" value="${g.id}"><button type="submit" class="secondary">${t(lang, 'accounts.revoke')}<span class="visually-hidden"> ${roleLabel(g.role, lang)}</span></button></form>` : ''}</li>`,
          )}</ul>
<form method="post" action="${here}" class="form" novalidate>
${csrfInput(csrf)}<input type="hidden" name="thao-tac" value="cap">
${selectField({ name: 'role', label: t(lang, 'accounts.grantRoleSite'), options: roleOptions(s), ...(errors.role ? { error: errors.role } : {}) })}
${field({ name: 'grantUnit', label: t(lang, 'accounts.unitAnsweredAgencyResponders'), ...(errors.grantUnit ? { error: errors.grantUnit } : {}) })}
<p><button type="submit" class="secondary">${t(lang, 'accounts.grantRole')}</button></p>
</form>
<h2>${t(lang, 'accounts.status')}</h2>
${
  a.status === 'active'
    ? html`<form method="post" action="${here}" class="form" novalidate>${csrfInput(csrf)}<input type="hidden" name="thao-tac" value="khoa">
${field({ name: 'reason', label: t(lang, 'accounts.reasonSuspension'), required: true })}
<p><button type="submit" class="danger">${t(lang, 'accounts.suspendNow')}</button></p></form>`
    : html`<form method="post" action="${here}">${csrfInput(csrf)}<input type="hidden" name="thao-tac" value="mo"><button type="submit">${t(lang, 'accounts.reActivate')}</button></form>`
}`,
        },
        s,
        status,
      );
    };

    app.get<{ Params: { id: string } }>(`${base}/:id`, async (request, reply) => {
      const id = Number(request.params.id);
      if (!Number.isSafeInteger(id) || id <= 0) throw Object.assign(new Error('Not found'), { statusCode: 404, code: 'http.not_found' });
      return detailPage(request, reply, id);
    });

    app.post<{ Params: { id: string } }>(`${base}/:id`, { preHandler: guard }, async (request, reply) => {
      const id = Number(request.params.id);
      if (!Number.isSafeInteger(id) || id <= 0) throw Object.assign(new Error('Not found'), { statusCode: 404, code: 'http.not_found' });
      const s = await admin.scope(request);
      const siteId = siteIdOf(s);
      const b = request.body;
      const done = (key: string) => reply.redirect(`${base}/${id}?tb=${key}`, 303);
      try {
        switch (str(b, 'thao-tac')) {
          case 'luu':
            if (siteId === null) break;
            await service.updateAccount(db, s.actor, siteId, id, { name: str(b, 'name'), phone: str(b, 'phone'), unit: str(b, 'unit') });
            return done('da-luu');
          case 'khoa':
            await service.suspendAccount(db, s.actor, siteId, id, str(b, 'reason'));
            return done('da-khoa');
          case 'mo':
            await service.reactivateAccount(db, s.actor, siteId, id);
            return done('da-mo');
          case 'cap':
            await service.getAccount(db, s.actor, siteId, id);
            await service.grantRole(db, s.actor, siteId, id, str(b, 'role') as Role, UNIT_ROLES.has(str(b, 'role') as Role) ? str(b, 'grantUnit') : undefined);
            return done('da-cap');
          case 'thu-hoi':
            await service.revokeGrant(db, s.actor, isPlatformAdmin(s.actor) ? null : siteId, Number(str(b, 'grant')));
            return done('da-thu-hoi');
        }
      } catch (err) {
        if (isDomainError(err) && (err.status === 422 || err.status === 409)) {
          const errors = err.details.length ? errorsByField(err.details) : { form: err.message };
          return detailPage(request, reply, id, errors, err.status);
        }
        throw err;
      }
      throw Object.assign(new Error('Unknown action'), { statusCode: 400, code: 'http.bad_request' });
    });
  }
}
