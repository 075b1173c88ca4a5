/**
 * Watches the posts folder and asks for a re-index when posts are added, changed, deleted or
 * renamed. The watcher only says "something changed"; the run that follows scans the folder and
 * diffs it against the last run, so a burst of events (an editor's save, a `git pull`) costs
 * one run, and a rename is seen as what it is rather than as a delete plus an add.
 */
import path from 'node:path';
import { type ChokidarOptions, watch } from 'chokidar';

export interface WatchOptions {
  postsDir: string;
  /** Called once per burst of changes, `debounceMs` after the last event of the burst. */
  onChange(burst: ChangeBurst): void;
  onError?(error: unknown): void;
  /** Which files are posts, by extension with its dot (".md"). */
  extensions: readonly string[];
  debounceMs?: number;
  /** How long a file's size must stay the same before it is read, in milliseconds. */
  stabilityMs?: number;
}

export interface ChangeBurst {
  /** Paths relative to the posts folder, "/"-separated, as the indexer names posts. */
  paths: string[];
  /**
   * True when something was deleted (or moved away). Then a run should look at the whole folder:
   * a rename's new name may not have been reported yet, and only a full scan pairs the two.
   */
  removed: boolean;
}

export interface PostWatcher {
  close(): Promise<void>;
}

/** Names editors and downloads use for files that are still being written. */
const TEMP_NAME = /(^\.|^#.*#$|~$|\.(swp|swx|swo|tmp|temp|part|crdownload|download)$)/i;

/** True for dotfiles, dot-folders and editor or download temp files. */
export function isIgnoredPath(file: string, postsDir: string): boolean {
  const relative = path.relative(postsDir, file);
  if (!relative || relative.startsWith('..')) return false;
  return relative.split(path.sep).some((part) => TEMP_NAME.test(part));
}

export function isPostPath(file: string, extensions: readonly string[]): boolean {
  return extensions.includes(path.extname(file).toLowerCase());
}

/** Starts watching; resolves once the initial scan of the folder is done. */
export async function watchPosts(options: WatchOptions): Promise<PostWatcher> {
  const { postsDir, extensions } = options;
  const stabilityMs = options.stabilityMs ?? 150;
  const settings: ChokidarOptions = {
    ignoreInitial: true,
    ignored: (file: string) => isIgnoredPath(file, postsDir),
    awaitWriteFinish: { stabilityThreshold: stabilityMs, pollInterval: Math.max(10, stabilityMs / 4) },
  };
  const watcher = watch(postsDir, settings);
  let pending = new Set<string>();
  let removed = false;
  let timer: NodeJS.Timeout | null = null;

  const flush = () => {
    timer = null;
    const burst = { paths: [...pending].sort(), removed };
    pending = new Set();
    removed = false;
    options.onChange(burst);
  };
  const note = (file: string, removal: boolean, isDir = false) => {
    if (!isDir && !isPostPath(file, extensions)) return;
    pending.add(path.relative(postsDir, file).split(path.sep).join('/'));
    removed ||= removal;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs ?? 30);
  };

  watcher.on('add', (file) => note(file, false));
  watcher.on('change', (file) => note(file, false));
  watcher.on('unlink', (file) => note(file, true));
  watcher.on('unlinkDir', (dir) => note(dir, true, true));
  watcher.on('error', (error) => options.onError?.(error));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    async close() {
      if (timer) clearTimeout(timer);
      await watcher.close();
    },
  };
}

/**
 * Holds bursts until a handler is connected, then passes them on: a watcher must be started
 * before the scan that brings the index up to date (so that nothing written in between is
 * missed), while what handles its bursts can only exist after that scan.
 */
export function holdBursts() {
  const early: ChangeBurst[] = [];
  let handler: ((burst: ChangeBurst) => void) | null = null;
  return {
    onChange(burst: ChangeBurst): void {
      if (handler) handler(burst);
      else early.push(burst);
    },
    connect(next: (burst: ChangeBurst) => void): void {
      handler = next;
      for (const burst of early.splice(0)) next(burst);
    },
  };
}
