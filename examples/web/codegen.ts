// GraphQL Code Generator: typed documents for the operations in src/ from the API's schema.
// `make codegen` runs it; `make test` fails when src/gql/ differs from what it writes.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "../../schema.graphql",
  documents: ["src/**/*.ts", "!src/gql/**"],
  // The test writes to a scratch folder and compares; everyone else writes src/gql/.
  generates: {
    [process.env.CODEGEN_OUT ?? "src/gql/"]: {
      preset: "client",
      config: {
        // Documents as strings: the client sends the text (and its hash), no GraphQL runtime.
        documentMode: "string",
        useTypeImports: true,
        enumsAsTypes: true,
        // Browsers load these files as they are: imports need their `.js`.
        emitLegacyCommonJSImports: false,
        scalars: { AWSDateTime: "string" },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
