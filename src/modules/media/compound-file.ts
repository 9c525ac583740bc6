/**
 * The directory of a compound file (CFB, [MS-CFB]): the container of Office 97–2003 documents and
 * Windows Installer packages. Only what tells them apart is read — the names of the streams and
 * storages, and the root's class id — from a file that may be hostile: every sector number is
 * bounds-checked and every chain is cut at the number of sectors the file has.
 */

export interface CompoundDirectory {
  /** Names of the streams and storages, lower case. */
  names: Set<string>;
  /** The root entry's class id, as stored (hex of its 16 bytes). */
  rootClsid: string;
}

/** The directory of a compound file; undefined when the structure is not readable. */
export function compoundFileDirectory(buf: Buffer): CompoundDirectory | undefined {
  if (buf.length < 512) return undefined;
  const shift = buf.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return undefined;
  const size = 1 << shift;
  const sectors = Math.floor((buf.length - size) / size) + (buf.length > size ? 1 : 0);
  const offsetOf = (sector: number) => (sector + 1) * size;
  const inBounds = (sector: number) => sector >= 0 && sector < 0xfffffffa && offsetOf(sector) + size <= buf.length;

  // FAT sector numbers: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = buf.readUInt32LE(0x4c + i * 4);
    if (s < 0xfffffffa) fatSectors.push(s);
  }
  let difat = buf.readUInt32LE(0x44);
  for (let guard = 0; difat < 0xfffffffa && guard <= sectors; guard++) {
    if (!inBounds(difat)) return undefined;
    const base = offsetOf(difat);
    for (let i = 0; i < size / 4 - 1; i++) {
      const s = buf.readUInt32LE(base + i * 4);
      if (s < 0xfffffffa) fatSectors.push(s);
    }
    difat = buf.readUInt32LE(base + size - 4);
  }
  const fatAt = (index: number): number | undefined => {
    const perSector = size / 4;
    const fs = fatSectors[Math.floor(index / perSector)];
    if (fs === undefined || !inBounds(fs)) return undefined;
    return buf.readUInt32LE(offsetOf(fs) + (index % perSector) * 4);
  };

  const names = new Set<string>();
  let rootClsid = '';
  let sector = buf.readUInt32LE(0x30);
  for (let guard = 0; sector !== 0xfffffffe; guard++) {
    if (guard > sectors || !inBounds(sector)) return undefined;
    const base = offsetOf(sector);
    for (let e = 0; e < size / 128; e++) {
      const entry = base + e * 128;
      const nameBytes = buf.readUInt16LE(entry + 0x40);
      const type = buf[entry + 0x42];
      if (type === 5 && !rootClsid) rootClsid = buf.subarray(entry + 0x50, entry + 0x60).toString('hex');
      if ((type === 1 || type === 2) && nameBytes >= 2 && nameBytes <= 64) {
        names.add(buf.toString('utf16le', entry, entry + nameBytes - 2).toLowerCase());
      }
    }
    const next = fatAt(sector);
    if (next === undefined) return undefined;
    sector = next;
  }
  return { names, rootClsid };
}
