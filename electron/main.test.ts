import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

/** A stand-in for Electron's main-process API, recording what main.ts asks of it. */
const fake = vi.hoisted(() => {
  const state = {
    userData: '',
    hasLock: true,
    appListeners: new Map<string, Listener[]>(),
    windows: [] as { options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn> }[],
  };
  const on = (event: string, listener: Listener) => {
    state.appListeners.set(event, [...(state.appListeners.get(event) ?? []), listener]);
  };
  const electron = {
    app: {
      requestSingleInstanceLock: vi.fn(() => state.hasLock),
      quit: vi.fn(),
      exit: vi.fn(),
      on: vi.fn(on),
      whenReady: vi.fn(() => Promise.resolve()),
      getPath: vi.fn(() => state.userData),
      getAppPath: vi.fn(() => '/opt/ec2-lab'),
      getVersion: vi.fn(() => '9.9.9'),
    },
    dialog: { showErrorBox: vi.fn(), showMessageBoxSync: vi.fn(() => 1) },
    BrowserWindow: vi.fn(function (this: Record<string, unknown>, options: Record<string, unknown>) {
      const window = {
        options,
        webContents: { mainFrame: { url: '' }, send: vi.fn(), isDestroyed: () => false },
        loadURL: vi.fn(async () => {}),
        once: vi.fn(),
        on: vi.fn(),
      };
      state.windows.push(window);
      return window;
    }),
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), on: vi.fn() } },
    shell: { openExternal: vi.fn(async () => {}) },
  };
  Object.assign(electron.BrowserWindow, { fromWebContents: vi.fn(() => null) });
  return { state, electron };
});
vi.mock('electron', () => fake.electron);
// The EC2 API would bind 127.0.0.1:4566 for real; its own tests cover it. Here: that main starts it.
vi.mock('./host/extra-servers', () => ({ startExtraServers: vi.fn(async () => []) }));

const emit = (event: string, ...args: unknown[]) => {
  for (const listener of fake.state.appListeners.get(event) ?? []) listener(...args);
};

describe('desktop main process', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.clearAllMocks();
    fake.state.userData = mkdtempSync(join(tmpdir(), 'ec2lab-main-'));
    fake.state.appListeners.clear();
    fake.state.windows.length = 0;
    fake.state.hasLock = true;
  });

  afterEach(() => {
    emit('will-quit');
    rmSync(fake.state.userData, { recursive: true, force: true });
  });

  it('opens one locked-down window on the app:// page, with the IPC door open', async () => {
    await import('./main');
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
    const [window] = fake.state.windows;
    expect(window.options.webPreferences).toMatchObject({
      preload: join('/opt/ec2-lab', 'dist', 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(window.loadURL).toHaveBeenCalledWith('app://ec2lab/index.html');
    expect(fake.electron.ipcMain.handle).toHaveBeenCalledWith('ec2lab:call', expect.any(Function));
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(fake.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    // The lab lives in Electron's userData directory.
    expect(fake.electron.app.getPath).toHaveBeenCalledWith('userData');
    // The EC2 API starts beside it and can tell the engine how the CLI reaches the lab.
    const { startExtraServers } = await import('./host/extra-servers');
    await vi.waitFor(() =>
      expect(startExtraServers).toHaveBeenCalledWith(
        expect.objectContaining({ dataDirectory: fake.state.userData, registerApiAccess: expect.any(Function) }),
      ),
    );
  });

  it('denies permissions, navigation and new windows', async () => {
    await import('./main');
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));

    const [[permissionHandler]] = fake.electron.session.defaultSession.setPermissionRequestHandler.mock.calls as [
      [(contents: unknown, permission: string, callback: (granted: boolean) => void) => void],
    ];
    const granted = vi.fn();
    permissionHandler({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);

    const [event, downloadListener] = fake.electron.session.defaultSession.on.mock.calls[0] as [string, Listener];
    expect(event).toBe('will-download');
    const foreign = { getURL: () => 'https://evil.example/x.exe', getFilename: () => 'x.exe', cancel: vi.fn() };
    downloadListener({}, foreign);
    expect(foreign.cancel).toHaveBeenCalled();

    const contentsListeners = new Map<string, Listener>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: (event: string, listener: Listener) => contentsListeners.set(event, listener),
      setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    };
    emit('web-contents-created', {}, contents);

    // Closing with a filled launch wizard asks; only "Leave" lets the page go.
    const stay = { preventDefault: vi.fn() };
    contentsListeners.get('will-prevent-unload')?.(stay);
    expect(fake.electron.dialog.showMessageBoxSync).toHaveBeenCalledWith(
      expect.objectContaining({ buttons: ['Leave', 'Stay'], cancelId: 1 }),
    );
    expect(stay.preventDefault).not.toHaveBeenCalled();
    fake.electron.dialog.showMessageBoxSync.mockReturnValueOnce(0);
    const leave = { preventDefault: vi.fn() };
    contentsListeners.get('will-prevent-unload')?.(leave);
    expect(leave.preventDefault).toHaveBeenCalled();

    const navigation = { preventDefault: vi.fn() };
    contentsListeners.get('will-navigate')?.(navigation, 'https://evil.example/');
    expect(navigation.preventDefault).toHaveBeenCalled();
    expect(fake.electron.shell.openExternal).not.toHaveBeenCalled();

    expect(openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(fake.electron.shell.openExternal).not.toHaveBeenCalled();
    // AWS documentation opens in the user's browser, never inside the app.
    const docs = 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-lifecycle.html';
    expect(openHandler?.({ url: docs })).toEqual({ action: 'deny' });
    expect(fake.electron.shell.openExternal).toHaveBeenCalledWith(docs);

    const webview = { preventDefault: vi.fn() };
    contentsListeners.get('will-attach-webview')?.(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('quits at once when another instance holds the lock', async () => {
    fake.state.hasLock = false;
    await import('./main');
    await Promise.resolve();
    expect(fake.electron.app.quit).toHaveBeenCalled();
    expect(fake.electron.BrowserWindow).not.toHaveBeenCalled();
  });
});
