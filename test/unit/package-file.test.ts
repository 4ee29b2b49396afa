import * as path from 'node:path';
import { packageFile } from '../../src/core/package-file';
import { ROOT } from '../support/build';

describe('packageFile: a file of a dependency without Node\'s ESM resolver', () => {
  it('finds the file in the project\'s node_modules, where require.resolve finds it too', () => {
    const wasm = packageFile('harfbuzzjs', 'dist/harfbuzz.wasm', 'harfbuzzjs/dist/harfbuzz.wasm');
    expect(wasm).toBe(path.join(ROOT, 'node_modules', 'harfbuzzjs', 'dist', 'harfbuzz.wasm'));
    expect(wasm).toBe(require.resolve('harfbuzzjs/dist/harfbuzz.wasm'));
    expect(packageFile('@tabler/icons', 'icons/outline/phone.svg', '@tabler/icons/outline/phone.svg')).toBe(require.resolve('@tabler/icons/outline/phone.svg'));
  });

  it('leaves a file it does not find there to require.resolve, which reads the package\'s "exports"', () => {
    // Not at outline/ in the package: its "exports" maps ./* to ./icons/*.
    expect(packageFile('@tabler/icons', 'outline/phone.svg', '@tabler/icons/outline/phone.svg')).toBe(path.join(ROOT, 'node_modules', '@tabler', 'icons', 'icons', 'outline', 'phone.svg'));
    expect(() => packageFile('@tabler/icons', 'icons/outline/no-such-icon.svg', '@tabler/icons/outline/no-such-icon.svg')).toThrow();
  });
});
