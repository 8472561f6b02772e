// The reference: a bare csv-parse pass over the file, nothing done with the
// records. `columns` as the second argument builds an object per row.
import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';

const parser = createReadStream(process.argv[2]).pipe(parse({ delimiter: ';', columns: process.argv[3] === 'columns', relax_column_count: true }));
let records = 0;
for await (const _ of parser) records++;
console.log(records);
