/**
 * The desktop app's composition root: when Electron is ready, start the lab in the user's data
 * directory, open the IPC door, and show one locked-down window serving the renderer from app://.
 * (Electron security checklist: context isolation, sandbox, no Node in the page, CSP, no
 * navigation, no new windows, IPC senders validated.)
 */
import { join } from 'node:path';
import { BrowserWindow, app, dialog, ipcMain, protocol, session, shell } from 'electron';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, registerAppProtocol } from './doors/ipc/app-protocol';
import { registerIpcDoor } from './doors/ipc/ipc-handler';
import { startExtraServers, type RunningLabServer } from './host/extra-servers';
import { handlePageDownload } from './host/page-downloads';
import { startLab, type Lab } from './host/start-lab';
import { startShells, type RunningShells } from './host/start-shells';

/** AWS documentation links in the UI open in the user's browser; nothing else leaves the app. */
const isDocumentationLink = (url: string) => url.startsWith('https://docs.aws.amazon.com/');

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let lab: Lab | undefined;
let shells: RunningShells | undefined;
let mainWindow: BrowserWindow | undefined;
let closeIpcDoor: (() => void) | undefined;
let extras: RunningLabServer[] = [];

function createWindow(): BrowserWindow {
  const appPath = app.getAppPath();
  const created = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'EC2 Lab',
    show: false,
    webPreferences: {
      // electronegativity: PRELOAD_JS_CHECK — the sandboxed preload exposes only window.ec2lab's
      // call and onEvent (doors/ipc/window-api.ts), never ipcRenderer; the main side checks sender and payload.
      preload: join(appPath, 'dist', 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      // A middle click on a link would otherwise open it in a new window (Electronegativity's AUXCLICK check).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  created.once('ready-to-show', () => created.show());
  return created;
}

function openLab(): void {
  if (!lab || !shells) throw new Error('The lab has not started.');
  mainWindow = createWindow();
  closeIpcDoor = registerIpcDoor({ ipcMain, engine: shells.port, webContents: mainWindow.webContents });
  mainWindow.on('closed', () => {
    closeIpcDoor?.();
    closeIpcDoor = undefined;
    mainWindow = undefined;
  });
  void mainWindow.loadURL(APP_ENTRY_URL);
}

if (!app.requestSingleInstanceLock()) {
  // Another EC2 Lab owns the data directory; it shows its window instead (second-instance below).
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    // The app is one page; it never navigates (its routes change in-page).
    contents.on('will-navigate', (event, url) => {
      event.preventDefault();
      // electronegativity: OPEN_EXTERNAL_JS_CHECK — only https://docs.aws.amazon.com/ links leave the app.
      if (isDocumentationLink(url)) void shell.openExternal(url);
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // The launch wizard holds entries (its beforeunload asked to stay): ask, as a browser would.
    contents.on('will-prevent-unload', (event) => {
      const options = {
        type: 'question' as const,
        buttons: ['Leave', 'Stay'],
        defaultId: 1,
        cancelId: 1,
        title: 'Leave EC2 Lab?',
        message: 'The launch wizard has entries that will be lost.',
      };
      const owner = BrowserWindow.fromWebContents(contents);
      const choice = owner ? dialog.showMessageBoxSync(owner, options) : dialog.showMessageBoxSync(options);
      if (choice === 0) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      // electronegativity: OPEN_EXTERNAL_JS_CHECK — only https://docs.aws.amazon.com/ links leave the app.
      if (isDocumentationLink(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });

  app
    .whenReady()
    .then(async () => {
      // The page needs no camera, notifications or any other permission.
      session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
      // A private key or an exported lab: the system's save dialog, starting in Downloads.
      session.defaultSession.on('will-download', (_event, item) => {
        handlePageDownload(item, app.getPath('downloads'));
      });
      registerAppProtocol(protocol, join(app.getAppPath(), 'dist', 'renderer'));
      const dataDirectory = app.getPath('userData');
      lab = startLab({ dataDirectory, version: app.getVersion() });
      // The worker file is unpacked beside the app's archive (electron-builder.yml asarUnpack): a worker thread cannot load from inside it.
      const workerFile = join(__dirname, '..', 'shell', 'shell-worker.mjs').replace(
        /app\.asar([\\/])/,
        'app.asar.unpacked$1',
      );
      shells = startShells(lab.engine, workerFile);
      openLab();
      const engine = lab.engine;
      extras = await startExtraServers({
        engine,
        dataDirectory,
        log: (line) => console.log(line),
        registerApiAccess: (provider) => engine.setApiAccessProvider(provider),
      });
      app.on('activate', () => {
        if (!mainWindow) openLab();
      });
    })
    .catch((error: unknown) => {
      console.error('EC2 Lab failed to start:', error);
      // The user launched a window, not a terminal: say why nothing opened.
      dialog.showErrorBox('EC2 Lab could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', () => {
    closeIpcDoor?.();
    for (const server of extras) void server.close();
    shells?.stop();
    shells = undefined;
    lab?.stop();
    lab = undefined;
  });
}
