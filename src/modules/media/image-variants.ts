/**
 * Images as the library keeps them (sharp, loaded with the first image): the original re-encoded
 * upright and without metadata, and responsive WebP sizes. An image too large to decode safely or
 * that cannot be read is `ImageUnreadable`, never a crash.
 */
import type { AcceptedType } from './file-type.ts';

/** Widths of the WebP variants of an image (never wider than the image itself). */
export const IMAGE_WIDTHS = [320, 640, 1024, 1600] as const;

/** Images with more pixels are refused before they are decoded (a "decompression bomb" stops here). */
export const MAX_IMAGE_PIXELS = 50_000_000;

/** Widths of an image's WebP variants: each step not wider than it, plus its own width when below the widest step. */
export function variantWidths(width: number): number[] {
  const widths: number[] = IMAGE_WIDTHS.filter((w) => w <= width);
  const widest = IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]!;
  if (width < widest && !widths.includes(width)) widths.push(width);
  return widths;
}

export interface ProcessedImage {
  original: Buffer;
  width: number;
  height: number;
  variants: { width: number; height: number; data: Buffer }[];
}

export class ImageUnreadable extends Error {
  readonly tooManyPixels: boolean;
  constructor(tooManyPixels: boolean) {
    super('image unreadable');
    this.tooManyPixels = tooManyPixels;
  }
}

/**
 * The original re-encoded in its own format (turned upright by its EXIF orientation,
 * metadata such as GPS position and camera removed — sharp keeps none unless asked), and
 * the WebP variants. GIF and WebP keep their animation.
 */
export async function processImage(data: Buffer, type: AcceptedType): Promise<ProcessedImage> {
  const { default: sharp } = await import('sharp');
  const animatable = type.ext === 'gif' || type.ext === 'webp';
  const input = { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' as const, animated: animatable };
  let meta: import('sharp').Metadata;
  try {
    meta = await sharp(data, input).metadata();
  } catch (err) {
    throw new ImageUnreadable(/pixel limit/i.test(String((err as Error).message)));
  }
  const animated = (meta.pages ?? 1) > 1;
  const upright = () => (animated ? sharp(data, input) : sharp(data, input).rotate());
  try {
    const normalised = upright();
    if (type.ext === 'jpg') normalised.jpeg({ quality: 88 });
    else if (type.ext === 'png') normalised.png({ compressionLevel: 9 });
    else if (type.ext === 'webp') normalised.webp({ quality: 88 });
    else normalised.gif();
    const { data: original, info } = await normalised.toBuffer({ resolveWithObject: true });
    const width = info.width;
    const height = animated ? (meta.pageHeight ?? info.height) : info.height;
    const variants: ProcessedImage['variants'] = [];
    for (const w of variantWidths(width)) {
      const out = await upright().resize({ width: w, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
      const h = animated ? Math.max(1, Math.round((height * out.info.width) / width)) : out.info.height;
      variants.push({ width: out.info.width, height: h, data: out.data });
    }
    return { original, width, height, variants };
  } catch (err) {
    throw new ImageUnreadable(/pixel limit/i.test(String((err as Error).message)));
  }
}
