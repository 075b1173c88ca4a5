/**
 * Work finished in the background after a load: a slice per turn of the event loop, so requests
 * are answered in between, on timers that do not keep the process alive (a command that exits
 * simply drops what is left; whatever reads the unfinished state finishes it on demand).
 *
 * Timers rather than setImmediate: an unref'd immediate does not stop the event loop from
 * waiting for I/O, so on an idle server it ran one slice per wake-up (twice a second with a 1 s
 * timer around), and the work landed on whatever woke the loop next (a snapshot write, a
 * request). An unref'd timer is waited for like any other.
 */

/** Calls `slice(deadline)` once a turn until it returns true; `deadline` is performance.now() time. */
export function inBackground(slice: (deadline: number) => boolean, sliceMs: number): void {
  const turn = () => {
    if (!slice(performance.now() + sliceMs)) setTimeout(turn, 0).unref();
  };
  setTimeout(turn, 0).unref();
}
