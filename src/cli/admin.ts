import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../config';
import { openDatabase, type Db } from '../db/client';
import { migrate } from '../db/migrate';
import { hashPassword } from '../accounts/passwords';
import { roles } from '../accounts/roles';
import { email, newPassword, text } from '../http/fields';
import { fieldErrors } from '../http/validate';
import { withUniqueEmail } from '../accounts/unique-email';
import { recordAudit } from '../db/audit';
import { systemClock } from '../clock';
import { createFileStorage, databaseStorage, fileStorageKinds, folderStorage, type FileStorageKind } from '../documents/storage';
import { migrateFiles, type MigrateFilesProgress } from '../documents/migrate-files';
import type { Config } from '../config';
import { backupDatabase } from './backup';
import { restoreDatabase } from './restore';

const USAGE = `Förderportal Soziales – Verwaltung

  npm run admin -- migrate
      Wendet ausstehende Datenbankmigrationen an.
  npm run admin -- create-user --email E --name N --role ROLE --password P [--organisation NAME]
      Legt ein Konto an (ROLE: ${roles.join(', ')}). --organisation ist für applicant nötig;
      eine neue Organisation wird dabei angelegt und freigegeben.
  npm run admin -- backup DATEI
      Sichert alle Tabellen samt hochgeladener Dateien und Bescheide (gzip, JSON-Zeilen).
  npm run admin -- restore DATEI [--force]
      Stellt eine Sicherung wieder her (SQLite und PostgreSQL beliebig gemischt). Eine
      Datenbank mit Daten wird nur mit --force ersetzt.
  npm run admin -- migrate-files --to database|folder
      Verschiebt alle hochgeladenen Dateien aus dem Ordner (UPLOAD_DIR) in die Datenbank oder
      zurück, jede mit SHA-256 geprüft. Bei gestopptem Portal ausführen; nach einem Abbruch
      einfach erneut aufrufen. Danach mit FILE_STORAGE der neuen Ablage starten.
`;

const createUserArgs = z
  .object({
    email: email(),
    name: text(200),
    role: z.enum(roles),
    password: newPassword(),
    organisation: text(200).optional(),
  })
  .refine((a) => a.role !== 'applicant' || a.organisation, { path: ['organisation'], message: 'is required for role applicant' });

async function createUserCommand(db: Db, argv: string[]): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      organisation: { type: 'string' },
    },
    strict: true,
  });
  const parsed = createUserArgs.safeParse(values);
  if (!parsed.success) {
    throw new Error(fieldErrors(parsed.error).map((e) => `--${e.path}: ${e.message}`).join('\n'));
  }
  const input = parsed.data;
  const passwordHash = await hashPassword(input.password);
  const now = systemClock.now();
  const user = await withUniqueEmail(() =>
    db.$transaction(async (tx) => {
      let organisationId: string | null = null;
      if (input.role === 'applicant' && input.organisation) {
        const existing = await tx.organisation.findFirst({ where: { name: input.organisation } });
        organisationId =
          existing?.id ??
          (
            await tx.organisation.create({
              data: { name: input.organisation, street: '', postalCode: '', city: '', status: 'approved', approvedAt: now },
            })
          ).id;
      }
      const created = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, passwordHash, organisationId },
      });
      await recordAudit(tx, { actorId: null, subjectType: 'user', subjectId: created.id, action: 'create', payload: { via: 'cli' } }, now);
      return created;
    }),
  );
  return `Konto angelegt: ${user.email} (${user.role}, id ${user.id})`;
}

const PROGRESS_EVERY = 50;

function progressLine(p: Readonly<MigrateFilesProgress>): string {
  return `Dateien: ${p.done}/${p.total} (verschoben ${p.moved}, schon dort ${p.alreadyThere}, fehlend ${p.missing.length}, beschädigt ${p.corrupt.length})\n`;
}

async function migrateFilesCommand(config: Config, db: Db, argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { to: { type: 'string' } }, strict: true });
  const to = values.to as FileStorageKind | undefined;
  if (!to || !fileStorageKinds.includes(to)) throw new Error(`--to: database oder folder angeben.\n\n${USAGE}`);
  const folder = folderStorage(config.uploadDir);
  const database = databaseStorage(db);
  const [source, target] = to === 'database' ? [folder, database] : [database, folder];
  process.stdout.write(`Ziel: ${to === 'database' ? 'Datenbank' : `Ordner ${config.uploadDir}`}\n`);
  const result = await migrateFiles({
    db,
    from: source,
    to: target,
    onProgress: (p) => {
      if (p.done % PROGRESS_EVERY === 0 && p.done < p.total) process.stdout.write(progressLine(p));
    },
  });
  process.stdout.write(progressLine(result));
  for (const key of result.missing) process.stderr.write(`Fehlt in beiden Ablagen: ${key}\n`);
  for (const key of result.corrupt) process.stderr.write(`SHA-256 stimmt nicht, nicht verschoben: ${key}\n`);
  if (config.fileStorage !== to) process.stdout.write(`Hinweis: Das Portal nutzt derzeit FILE_STORAGE=${config.fileStorage}; mit FILE_STORAGE=${to} neu starten.\n`);
  return result.missing.length + result.corrupt.length > 0 ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(USAGE);
    return command ? 0 : 1;
  }
  const config = loadConfig();
  const applied = await migrate(config.databaseUrl);
  if (command === 'migrate') {
    process.stdout.write(applied.length ? `Angewendet: ${applied.join(', ')}\n` : 'Die Datenbank ist aktuell.\n');
    return 0;
  }
  const database = await openDatabase(config.databaseUrl);
  try {
    if (command === 'create-user') {
      process.stdout.write(`${await createUserCommand(database.client, rest)}\n`);
      return 0;
    }
    if (command === 'migrate-files') return await migrateFilesCommand(config, database.client, rest);
    if (command === 'backup' || command === 'restore') {
      const { values, positionals } = parseArgs({ args: rest, options: { force: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
      const file = positionals[0];
      if (!file || positionals.length > 1) throw new Error(`Bitte genau eine Datei angeben.\n\n${USAGE}`);
      const storage = createFileStorage({ kind: config.fileStorage, db: database.client, uploadDir: config.uploadDir });
      const result =
        command === 'backup'
          ? await backupDatabase({ db: database.client, provider: database.provider, storage, file, now: systemClock.now() })
          : await restoreDatabase({ db: database.client, storage, file, force: values.force ?? false });
      const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
      process.stdout.write(`${command === 'backup' ? 'Gesichert' : 'Wiederhergestellt'}: ${total} Zeilen, ${result.files} Dateien (${file})\n`);
      return 0;
    }
    process.stderr.write(`Unbekannter Befehl: ${command}\n\n${USAGE}`);
    return 1;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    const e = error as { message?: string; errors?: { path: string; message: string }[] };
    const detail = e.errors?.length ? e.errors.map((x) => `--${x.path}: ${x.message}`).join('\n') : e.message;
    process.stderr.write(`Fehler: ${detail ?? String(error)}\n`);
    process.exit(1);
  });
