import type { CommandSpec } from './command-spec.js';

/** `samkost schema`: the agreement format as JSON Schema, for editors. */
export const schemaSpec: CommandSpec = {
  name: 'schema',
  define: ({ t, program, io, locale }) =>
    program
      .command('schema')
      .description(t('skriv avtaleformatet som JSON Schema, for editorer', 'print the agreement format as JSON Schema, for editors'))
      .option('-o, --out <file>', t('skriv til en fil i stedet for standard ut', 'write to a file instead of standard output'))
      .option('--force', t('skriv over en fil som finnes', 'overwrite an existing output file'))
      .exitOverride()
      .action(async (opts: { out?: string; force?: boolean }) => {
        const [{ agreementSchema }, { Speaker }, { UNSTYLED }] = await Promise.all([
          import('../agreement/schema.js'),
          import('./speaker.js'),
          import('./style.js'),
        ]);
        await new Speaker(io, UNSTYLED, locale).out(JSON.stringify(agreementSchema(), null, 2) + '\n', opts);
      }),
};
