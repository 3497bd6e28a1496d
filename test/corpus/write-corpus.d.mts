// Types for the corpus writer, so the TypeScript test can check the committed bytes against it.
export declare const corpus: Readonly<Record<string, Buffer>>;
