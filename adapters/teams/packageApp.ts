/**
 * Builds the Teams app package (what you sideload or upload): appPackage/manifest.json with the
 * bot's app id filled in, the two icons and the manifest's localization files (es.json), zipped at
 * the root. Used by `npm run teams:package`.
 */
import { readFileSync } from 'node:fs';
import { APP_PACKAGE_DIR } from './icons.ts';
import { zip } from './zip.ts';

/** The placeholder in manifest.json for the Microsoft App ID (manifest `id` and `bots[0].botId`). */
export const APP_ID_PLACEHOLDER = '{{MicrosoftAppId}}';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class AppPackageError extends Error {
  override name = 'AppPackageError';
}

/** manifest.json's text with the app id in place of every placeholder; throws on a bad id. */
export function fillManifest(template: string, appId: string | undefined): string {
  const id = appId?.trim();
  if (!id) {
    throw new AppPackageError(
      "MicrosoftAppId is not set. Put the bot's Microsoft App ID in .env (MicrosoftAppId=…) or the environment, then run npm run teams:package again.",
    );
  }
  if (!GUID.test(id))
    throw new AppPackageError(
      `MicrosoftAppId must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), got "${id}".`,
    );
  const filled = template.split(APP_ID_PLACEHOLDER).join(id.toLowerCase());
  JSON.parse(filled); // the template is ours: this only guards against a broken edit
  return filled;
}

/** The files of the manifest's `localizationInfo.additionalLanguages` (e.g. es.json). */
export function localizationFiles(manifest: string): string[] {
  const info = (JSON.parse(manifest) as { localizationInfo?: { additionalLanguages?: { file: string }[] } })
    .localizationInfo;
  return (info?.additionalLanguages ?? []).map((language) => language.file);
}

/** The zip's bytes: manifest.json, color.png, outline.png and the localization files at the root. */
export function buildAppPackage(appId: string | undefined, dir: string = APP_PACKAGE_DIR): Buffer {
  const manifest = fillManifest(readFileSync(`${dir}manifest.json`, 'utf8'), appId);
  const localizations = localizationFiles(manifest).map((name) => {
    const data = readFileSync(`${dir}${name}`);
    JSON.parse(data.toString('utf8')); // as for the manifest: only guards against a broken edit
    return { name, data };
  });
  return zip([
    { name: 'manifest.json', data: Buffer.from(manifest, 'utf8') },
    { name: 'color.png', data: readFileSync(`${dir}color.png`) },
    { name: 'outline.png', data: readFileSync(`${dir}outline.png`) },
    ...localizations,
  ]);
}
