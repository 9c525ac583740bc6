/**
 * The name of an uploaded file: kept for display and download, never trusted for its type. A name
 * is cleaned before it is stored, and a name that ends like a program or a web page is refused
 * whatever the content (a browser or a desktop would act on the name).
 */
import { cleanText } from '../../platform/text/index.ts';

const NAME_MAX = 200;

/** Extensions a name may not end with, whatever the content: programs, scripts, web pages. */
export const DANGEROUS_NAME_EXTS: ReadonlySet<string> = new Set(
  'exe com bat cmd scr pif msi msp dll cpl sys drv ocx jar js mjs cjs jse vbs vbe wsf wsh hta ps1 psm1 psd1 sh bash zsh csh ksh py pyc pl rb php php3 php4 php5 phtml phar asp aspx ashx jsp jspx cgi html htm xhtml shtml mht mhtml svg svgz xml xsl xslt swf lnk reg inf url desktop apk app dmg deb rpm appimage msix appx'.split(
    ' ',
  ),
);

/** The extension of a file name, lower case ('' when none). */
export function nameExt(name: string): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

/** A file name fit to keep: last path segment, NFC, no control characters, at most NAME_MAX characters. */
export function cleanFileName(raw: string): string {
  const last =
    String(raw ?? '')
      .split(/[\\/]/)
      .pop() ?? '';
  let name = cleanText(last.replace(/[\u0000-\u001f\u007f]/g, '').replace(/\s+/g, ' '));
  if ([...name].length > NAME_MAX) {
    const ext = nameExt(name);
    const chars = [...name.slice(0, name.length - (ext ? ext.length + 1 : 0))];
    name = `${chars
      .slice(0, NAME_MAX - ext.length - 1)
      .join('')
      .trim()}${ext ? `.${ext}` : ''}`;
  }
  return name.replace(/^\.+/, '') || 'tep';
}
