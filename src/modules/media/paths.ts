/**
 * The media library's addresses. Its admin pages live under the admin tree; its files are served
 * at `/media/<id>/<goc|width>` on every host (mediaUrl in media.present.ts), under no site.
 */
import type { Lang } from '../../platform/i18n/index.ts';
import { defineAdminPaths } from '../../platform/http/paths.ts';

export const mediaPaths = defineAdminPaths({
  /** The library; a file's page is `/<id>`, its deletion `/<id>` + DELETE_SEGMENT. */
  media: { vi: '/thu-vien', en: '/media' },
});

/** The confirmation page of a deletion, after a file's path (`/quan-tri/thu-vien/12/xoa`). */
export const DELETE_SEGMENT: Readonly<Record<Lang, string>> = { vi: '/xoa', en: '/delete' };
