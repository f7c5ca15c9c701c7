import {mkdir, readdir, readFile, writeFile} from 'node:fs/promises'
import {basename, dirname, join, relative, resolve, sep} from 'node:path'
import {packageRoot} from '../site/package-root.js'

/** What `gazette init` did: the files it wrote, and those it found there already and left alone. */
export interface InitResult {
  written: string[]
  kept: string[]
}

/** Names the package cannot ship as they are (npm drops `.gitignore`), and where they go. */
const renamed: Record<string, string> = {gitignore: '.gitignore', 'gitlab-ci.yml': '.gitlab-ci.yml'}

/**
 * Write a starter archive into `folder`: `gazette.config.yaml`, `gazettes/`
 * with one sample page, a README for the archivist, publish workflows for
 * GitHub Pages and GitLab Pages, `.gitignore`, and `package.json`
 * depending on this tool. A file already there is never overwritten (each
 * is created exclusively): running it again, or in a folder with files of
 * its own, only adds what is missing.
 */
export async function initArchive(folder: string, tool: {name: string; version: string}): Promise<InitResult> {
  const result: InitResult = {written: [], kept: []}
  const starter = join(packageRoot, 'starter')
  const files = (await readdir(starter, {recursive: true, withFileTypes: true}))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(starter, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort()
  const put = async (name: string, data: string | Buffer) => {
    const path = join(folder, name)
    await mkdir(dirname(path), {recursive: true})
    try {
      await writeFile(path, data, {flag: 'wx'})
      result.written.push(name)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      result.kept.push(name)
    }
  }
  for (const file of files) {
    const target = renamed[file] ?? file.replace(/^github\//u, '.github/')
    await put(target, await readFile(join(starter, file)))
  }
  const name = basename(resolve(folder))
    .toLowerCase()
    .replace(/[^a-z0-9-]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
  const manifest = {
    name: name || 'gazette-archive-site',
    private: true,
    type: 'module',
    scripts: {build: 'gazette build', serve: 'gazette serve'},
    dependencies: {[tool.name]: `^${tool.version}`}
  }
  await put('package.json', `${JSON.stringify(manifest, null, 2)}\n`)
  return result
}
