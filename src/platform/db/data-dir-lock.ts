/**
 * The embedded database can be opened by one process only. A lock file in the data
 * directory names the process holding it, so a second server or a CLI command run while
 * the server is up stops with a clear message instead of corrupting the database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock or throws ConfigError naming the holder; returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'cong.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return () => {
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(file, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new ConfigError(
          `The embedded database in ${dataDir} is in use by process ${holder} (a running "npm start"?). ` +
            'Stop that process first, or set DATABASE_URL to use a PostgreSQL server, which allows several processes.',
        );
      }
      fs.rmSync(file, { force: true }); // stale lock of a process that is gone
    }
  }
  throw new ConfigError(`Could not lock ${file}; remove it if no Cổng process is running.`);
}
