import type { Locale } from '../text/said.js';
import { said } from '../text/said.js';
import type { CommandSpec } from './command-spec.js';
import { TEMPLATES } from './templates.js';

/** `samkost init TYPE DIR`: a starting agreement with example CSV files. */
export const initSpec: CommandSpec = {
  name: 'init',
  define: ({ t, program, io, localeOption }) =>
    program
      .command('init')
      .argument('<type>', t(`slags samarbeid: ${TEMPLATES.join(', ')}`, `the kind of cooperation: ${TEMPLATES.join(', ')}`))
      .argument('<dir>', t('mappen avtalen og eksempel-CSV-filene skrives til', 'the folder to write the agreement and its example CSV files into'))
      .description(
        t(
          'skriv en startavtale med norske kommentarer og eksempel-CSV-er; skriver aldri over',
          'write a starting agreement with Norwegian comments and example CSVs; never overwrites',
        ),
      )
      .addOption(localeOption())
      .exitOverride()
      .action(async (type: string, dir: string, opts: { locale: Locale }) => {
        const [{ init }, { Speaker }, { stylesFor }] = await Promise.all([import('./init.js'), import('./speaker.js'), import('./style.js')]);
        const written = await init(io, type, dir);
        const speaker = new Speaker(io, await stylesFor(true, io), opts.locale);
        for (const f of written) speaker.status(said(`skrev ${f}`, `wrote ${f}`));
        speaker.status(said(`neste steg: samkost check ${dir}`, `next: samkost check ${dir}`));
      }),
};
