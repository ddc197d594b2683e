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

const USAGE = `Förderportal Soziales – Verwaltung

  npm run admin -- migrate
      Wendet ausstehende Datenbankmigrationen an.
  npm run admin -- create-user --email E --name N --role ROLE --password P [--organisation NAME]
      Legt ein Konto an (ROLE: ${roles.join(', ')}). --organisation ist für applicant nötig;
      eine neue Organisation wird dabei angelegt und freigegeben.
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
