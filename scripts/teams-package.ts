/**
 * `npm run teams:package`: builds dist/teams/cita-teams.zip, the Teams app package to sideload or
 * upload, with MicrosoftAppId (from the environment or .env) as the app and bot id.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppPackageError, buildAppPackage } from '../adapters/teams/packageApp.ts';

const OUT = resolve('dist/teams/cita-teams.zip');

function main(): number {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    const zip = buildAppPackage(process.env.MicrosoftAppId);
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, zip);
    console.log(
      `teams:package: wrote ${OUT} (${zip.length} bytes). Upload it in Teams: Apps › Manage your apps › Upload an app.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AppPackageError) console.error(`teams:package: ${error.message}`);
    else
      console.error(
        `teams:package: could not build the package: ${error instanceof Error ? error.message : String(error)}`,
      );
    return 1;
  }
}

process.exitCode = main();
