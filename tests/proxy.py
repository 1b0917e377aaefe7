"""A small authenticating reverse proxy for the tests, standing in for oauth2-proxy or a force's sign-in gateway
(none can be installed here): it forwards HTTP and Streamlit's websocket to the app and adds the signed-in
officer's identity as a header on every request, as such a proxy does once it has signed the officer in. The app
and the browser on either side are real.

    with authenticating_proxy(app_url, "X-Forwarded-User", "pc.jones@met.example") as url: ...
"""

import asyncio
import threading
from contextlib import contextmanager

import aiohttp
from aiohttp import web

from conftest import free_port

HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailers",
              "transfer-encoding", "upgrade", "host", "content-length", "sec-websocket-key", "sec-websocket-version",
              "sec-websocket-extensions", "sec-websocket-protocol", "sec-websocket-accept"}


def _app(upstream: str, header: str, identity: str) -> web.Application:
    async def forward(request: web.Request) -> web.StreamResponse:
        headers = {key: value for key, value in request.headers.items() if key.lower() not in HOP_BY_HOP}
        headers = {key: value for key, value in headers.items() if key.lower() != header.lower()} | {header: identity}
        target = upstream + request.rel_url.path_qs
        async with aiohttp.ClientSession(auto_decompress=False) as client:
            if request.headers.get("Upgrade", "").lower() == "websocket":
                return await _websocket(request, client, target, headers)
            async with client.request(request.method, target, headers=headers, data=await request.read(),
                                      allow_redirects=False) as answer:
                return web.Response(status=answer.status, body=await answer.read(),
                                    headers={key: value for key, value in answer.headers.items()
                                             if key.lower() not in HOP_BY_HOP})

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", forward)
    return app


async def _websocket(request, client, target, headers):
    protocols = [part.strip() for part in request.headers.get("Sec-WebSocket-Protocol", "").split(",") if part.strip()]
    async with client.ws_connect(target.replace("http", "ws", 1), headers=headers, protocols=protocols,
                                 max_msg_size=0) as upstream:
        downstream = web.WebSocketResponse(protocols=[upstream.protocol] if upstream.protocol else (), max_msg_size=0)
        await downstream.prepare(request)

        async def pump(source, sink):
            async for message in source:
                if message.type == aiohttp.WSMsgType.BINARY:
                    await sink.send_bytes(message.data)
                elif message.type == aiohttp.WSMsgType.TEXT:
                    await sink.send_str(message.data)
                else:
                    break
            await sink.close()

        await asyncio.gather(pump(downstream, upstream), pump(upstream, downstream), return_exceptions=True)
        return downstream


@contextmanager
def authenticating_proxy(upstream: str, header: str, identity: str):
    """Serve the proxy on a free loopback port in a thread; yields its URL."""
    port = free_port()
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(_app(upstream, header, identity))
    loop.run_until_complete(runner.setup())
    loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", port).start())
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.run_until_complete(runner.cleanup())
        loop.close()
