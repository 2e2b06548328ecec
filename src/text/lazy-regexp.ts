/**
 * A regex made the first time it is asked for. Creating a pattern with
 * Unicode properties (\p{L}, \p{Script=Latin}) builds its character sets
 * there and then: ~2 ms of every start for the ones a run on plain ASCII
 * text never uses. The same instance is returned each time, so a global
 * regex keeps its lastIndex as a constant one would.
 */
export function lazyRegExp(make: () => RegExp): () => RegExp {
  let made: RegExp | undefined;
  return () => (made ??= make());
}
