import { PamphletError } from '../../src/core/errors';

/** The PamphletError `run` throws; fails the test if it returns, or throws anything else (a TypeError, a crash). */
export function pamphletErrorOf(run: () => unknown): PamphletError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PamphletError);
    return error as PamphletError;
  }
  throw new Error('expected a PamphletError, but nothing was thrown');
}
