// How a contract method is declared: ONE entry gives its name (the key), its input schema and its
// output type, as GitHub Desktop's ipc-shared.ts puts a channel's name and signature on one line:
//   'apps.list': method(noInput).returns<AppView[]>(),
// The output type rides along as a phantom (types only), so the renderer's bundle and the preload
// never need the schema library: they import this folder with `import type` only.
import { z } from 'zod';

export interface MethodDeclaration<Input extends z.ZodType, Output> {
  readonly input: Input;
  /** Never set at run time; carries the output type for the compiler. */
  readonly output?: Output;
}

export function method<Input extends z.ZodType>(input: Input) {
  return {
    returns<Output>(): MethodDeclaration<Input, Output> {
      return { input };
    },
  };
}

/** Methods that take no argument. */
export const noInput = z.undefined();
/** An id of an app, account, install, flow or response. */
export const id = z.string().min(1).max(100);
export const shortText = (max: number) => z.string().max(max);
