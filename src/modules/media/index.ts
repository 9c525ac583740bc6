/**
 * Media library: images, documents, audio and video of each site, checked by their
 * content, with responsive WebP sizes for images. Files live in a Storage (local disk
 * under DATA_DIR/media by default); rows in `media`. Other modules use only what is
 * exported here.
 */
import path from 'node:path';
import type { Platform } from '../../platform/platform.ts';
import { defineModule } from '../../platform/module.ts';
import { createLocalDiskStorage, type Storage } from '../../platform/storage/index.ts';
import type { Actor } from '../access/index.ts';
import type { AccountsModule } from '../accounts/index.ts';
import { mediaAdmin } from './media.admin.ts';
import { mediaFiles } from './media.files.ts';
import * as service from './media.service.ts';
import { mediaImage, mediaUrl, srcsetFor, type MediaKind } from './media.present.ts';
import { mediaPaths } from './paths.ts';
import { t } from './messages.ts';

export {
  mediaUrl,
  srcsetFor,
  mediaImage,
  presentMedia,
  ORIGINAL,
  type MediaView,
  type MediaVariantView,
  type MediaKind,
  type ImageOptions,
  type VariantName,
  formatBytes,
} from './media.present.ts';
export { SIZE_LIMITS, MAX_UPLOAD_BYTES, documentTexts, type UploadInput, type MediaPage } from './media.service.ts';
export { IMAGE_WIDTHS } from './image-variants.ts';
export { mediaPaths } from './paths.ts';

export interface MediaModuleDeps {
  accounts: AccountsModule;
  /** Where files go; local disk under `${DATA_DIR}/media` when not given. */
  storage?: Storage;
  /** Other size limits per kind (tests, special installs); SIZE_LIMITS otherwise. */
  limits?: Partial<Record<MediaKind, number>>;
}

export function mediaModule(platform: Platform, deps: MediaModuleDeps) {
  const storage = deps.storage ?? createLocalDiskStorage(path.join(platform.config.dataDir, 'media'));
  const media: service.MediaDeps = { db: platform.db, storage, ...(deps.limits ? { limits: deps.limits } : {}) };

  return defineModule({
    name: 'media',
    needs: ['accounts'],
    setup: (app) => {
      media.onStorageError = (err, key) => app.log.warn({ err, key }, 'media file could not be removed from storage');
    },
    rootRoutes: (routes) => mediaFiles(routes, media),
    adminRoutes: (routes, lang) => mediaAdmin(routes, lang, { admin: deps.accounts.admin, media }),
    adminNav: [{ label: (lang) => t(lang, 'media.mediaLibrary'), href: (lang) => mediaPaths.href(lang, 'media'), action: 'admin.enter' }],
    provides: {
      storage,
      /** One file as the public sees it (for templates), or undefined. */
      getMedia: (id: number) => service.getMedia(media, id),
      /** `/media/<id>/goc` or `/media/<id>/<width>`. */
      mediaUrl,
      /** The `srcset` of an image's WebP sizes. */
      srcsetFor,
      /** A responsive `<picture>` for an image (WebP sizes, original fallback, alt text). */
      mediaImage,
      /** Adds a file to a site's library (content.write on the site). */
      uploadMedia: (actor: Actor, siteId: number, input: service.UploadInput) => service.uploadMedia(media, actor, siteId, input),
      updateMediaText: (actor: Actor, id: number, input: { alt: string; caption: string }) => service.updateMediaText(media, actor, id, input),
      deleteMedia: (actor: Actor, id: number) => service.deleteMedia(media, actor, id),
      listMedia: (actor: Actor, siteId: number, page?: number, pageSize?: number) => service.listMedia(media, actor, siteId, page, pageSize),
      getMediaForActor: (actor: Actor, id: number) => service.getMediaForActor(media, actor, id),
      /** The text extracted from documents, by id, read in the caller's transaction (also a named export). */
      documentTexts: service.documentTexts,
    },
  });
}

export type MediaModule = ReturnType<typeof mediaModule>;
