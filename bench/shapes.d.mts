/** One adversarial shape of issue #26: its text for size n, and where the scaling run starts. */
export interface Shape {
  readonly key: string;
  readonly label: string;
  readonly generate: (n: number) => string;
  readonly base: number;
  readonly filename: string;
}

export declare const constChain: (n: number) => string;
export declare const letChain: (n: number) => string;
export declare const memberChain: (n: number) => string;
export declare const destructuringChain: (n: number) => string;
export declare const frameworkChain: (n: number) => string;
export declare const hugeDestructuring: (n: number) => string;
export declare const retryTitle: (n: number) => string;
export declare const loggerOwner: (n: number) => string;
export declare const manyRetryTests: (n: number) => string;
export declare const blocksInRetryTest: (n: number) => string;
export declare const manySpies: (n: number) => string;
export declare const statusBranches: (n: number) => string;
export declare const literalArray: (n: number) => string;
export declare const SHAPES: readonly Shape[];
