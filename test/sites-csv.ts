/**
 * A CSV file of a city's 126 wards and communes (Hà Nội since 1 July 2025: 51 wards, 75
 * communes), for the bulk-creation tests. Names are placeholders ("Phường Thử nghiệm 7"),
 * numbered so each is distinct; `bad` spoils one cell of one line (line = index + 1).
 */
const HEADER = 'code,kind,parent,name_vi,name_en,owner_name_vi,address,phone,email,hosts,theme_color';

export function wardsCsv(prefix: string, bad?: { index: number; column: 'email' | 'code' | 'parent'; value: string }): string {
  const lines = [HEADER];
  for (let i = 1; i <= 126; i++) {
    const ward = i <= 51;
    const n = ward ? i : i - 51;
    const kind = ward ? 'Phường' : 'Xã';
    const code = `${prefix}${ward ? 'phuong' : 'xa'}${n}`;
    const cells: Record<string, string> = {
      code,
      parent: 'hanoi',
      email: `ubnd.${code}@hanoi.gov.vn`,
    };
    if (bad?.index === i) cells[bad.column] = bad.value;
    const name = `${kind} Thử nghiệm ${n}`;
    lines.push(
      [
        cells.code,
        'ward',
        cells.parent,
        name,
        '',
        `"Ủy ban nhân dân ${name.toLowerCase().replace(/^./, (c) => c.toUpperCase())}"`,
        `"Số ${i}, đường Thử nghiệm, ${name}, Hà Nội"`,
        `024 38${String(100000 + i).slice(1)}`,
        cells.email,
        i === 1 ? `${code}.hanoi.gov.vn` : '',
        i % 2 ? '#1e6b3a' : '',
      ].join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
