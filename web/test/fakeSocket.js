// A stand-in for the browser's WebSocket that records what the page sends and lets the test open,
// feed and close it.
export class FakeSocket {
  static OPEN = 1;
  static instances = [];

  constructor(url) {
    this.url = url;
    this.sent = [];
    this.readyState = 0;
    FakeSocket.instances.push(this);
  }

  send(text) {
    this.sent.push(text);
  }

  close() {
    this.readyState = 3;
  }

  open() {
    this.readyState = FakeSocket.OPEN;
    this.onopen();
  }

  receive(message) {
    this.onmessage({ data: JSON.stringify(message) });
  }

  /** Counts the sent messages of type `name`, such as stepEpoch. */
  commands(name) {
    return this.sent.filter((text) => JSON.parse(text).type === name).length;
  }

  drop(code) {
    this.readyState = 3;
    this.onclose({ code });
  }
}
