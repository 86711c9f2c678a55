#!/usr/bin/env node
// The "browser" of the real-browser sign-in test: the console opens the sign-in address with
// `$BROWSER <url>`, and this script drives Debian's Chromium (headless, through playwright-core)
// on the sandbox's page the way a person would, then lets Chromium follow the loopback redirect
// back to the console.
//
// Environment (set by signin.sh):
//   PLEXE_E2E_SCENARIO   github   - the sandbox's GitHub stand-in page: "Sign in as <oauth_email>"
//                        password - the sandbox's own page: the demo email and password
//   PLEXE_E2E_STATE_DIR  where this script writes browser.pid and browser.log's verdict line
//   XDG_DATA_HOME        the test's; the console's sandbox data folder (ca.pem,
//                        demo-credentials) is under it
//
// It exits 0 once the loopback page says the sign-in reached the console, non-zero otherwise.
import { chromium } from 'playwright-core';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';

const kTimeoutMs = 45000;
const url = new URL(process.argv[2] ?? '');
const scenario = process.env.PLEXE_E2E_SCENARIO;
const stateDir = process.env.PLEXE_E2E_STATE_DIR;
const sandboxDir = path.join(process.env.XDG_DATA_HOME, 'Plexe', 'plexe-console', 'sandbox');

function log(line) {
    // Never a secret: only what happened, for the test's output.
    process.stderr.write(`browser.mjs: ${line}\n`);
}

// name: value lines, mode 0600, written by `plexe-sandbox seed --write-demo-credentials`.
function demoCredentials() {
    const values = {};
    for (const line of fs.readFileSync(path.join(sandboxDir, 'demo-credentials'), 'utf8').split('\n')) {
        const at = line.indexOf(':');
        if (at > 0)
            values[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
    return values;
}

// Chromium trusts only the system's CAs. Rather than turning certificate checks off, connect
// once with Node's TLS trusting nothing but the sandbox's own ca.pem (so the chain and the IP
// are verified), and pin exactly that verified server key for this throwaway profile:
// --ignore-certificate-errors-spki-list accepts a chain only if it holds a key of the list.
function verifiedServerSpki(host, port) {
    return new Promise((resolve, reject) => {
        const socket = tls.connect({
            host, port, ca: fs.readFileSync(path.join(sandboxDir, 'ca.pem')),
            rejectUnauthorized: true,
        }, () => {
            const leaf = new crypto.X509Certificate(socket.getPeerCertificate().raw);
            socket.end();
            const spki = leaf.publicKey.export({ type: 'spki', format: 'der' });
            resolve(crypto.createHash('sha256').update(spki).digest('base64'));
        });
        socket.setTimeout(5000, () => socket.destroy(new Error('TLS handshake timed out')));
        socket.on('error', reject);
    });
}

async function main() {
    if (url.protocol !== 'https:' || url.hostname !== '127.0.0.1')
        throw new Error(`unexpected sign-in address ${url.origin}`);
    fs.writeFileSync(path.join(stateDir, 'browser.pid'), `${process.pid}\n`);
    const spki = await verifiedServerSpki(url.hostname, Number(url.port));
    // A fresh profile under the test's HOME, so that the final canary grep also reads it.
    const profile = fs.mkdtempSync(path.join(os.homedir(), 'chromium-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: '/usr/bin/chromium',
        headless: true,
        timeout: kTimeoutMs,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
            '--disable-background-networking', '--disable-component-update', '--disable-sync',
            '--no-first-run', `--ignore-certificate-errors-spki-list=${spki}`],
    });
    try {
        const page = context.pages()[0] ?? await context.newPage();
        page.setDefaultTimeout(kTimeoutMs);
        await page.goto(url.href);
        if (scenario === 'github') {
            // The console's "Continue with GitHub" goes straight to the stand-in page.
            await page.getByRole('heading', { name: 'Local stand-in for GitHub' }).waitFor();
            const email = demoCredentials().oauth_email;
            await page.getByRole('button', { name: `Sign in as ${email}` }).click();
        } else if (scenario === 'password') {
            await page.getByRole('heading', { name: 'Sign in to the Plexe sandbox' }).waitFor();
            const demo = demoCredentials();
            await page.getByLabel('Email').fill(demo.email);
            await page.getByLabel('Password').fill(demo.password);
            await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        } else {
            throw new Error(`unknown PLEXE_E2E_SCENARIO "${scenario}"`);
        }
        // The sandbox redirects to http://127.0.0.1:<port>/callback, the console's receiver.
        await page.waitForURL((u) => u.protocol === 'http:' && u.hostname === '127.0.0.1' &&
            u.pathname === '/callback');
        const text = await page.locator('body').innerText();
        log(`callback page: ${text.replace(/\s+/g, ' ').trim().slice(0, 200)}`);
    } finally {
        await context.close();
    }
}

main().then(() => {
    log('done');
    process.exit(0);
}, (error) => {
    log(`failed: ${error.message}`);
    process.exit(1);
});
