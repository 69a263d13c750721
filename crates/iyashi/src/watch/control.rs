//! The daemon's side of its door (the protocol is [`iyashi_app::daemon`]):
//! each request that arrives on the socket goes to the loop, and its reply
//! back to whoever asked.

use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::Path;
use std::sync::mpsc::{self, Sender};
use std::time::Duration;

use iyashi_app::daemon;

use super::Input;

/// The longest the loop may take over one request before the client is
/// left without an answer (it waits less than that anyway).
const LOOP_WITHIN: Duration = Duration::from_secs(5);

/// Serves requests on `path`, forwarding each to the loop and writing back
/// its reply. Runs on its own thread until the process ends.
pub fn serve(path: &Path, inputs: Sender<Input>) -> std::io::Result<()> {
    let _ = std::fs::remove_file(path); // a stale socket from a killed daemon
    let listener = UnixListener::bind(path)?;
    // Whoever may open the socket may ask the daemon things: its owner only.
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let _ = answer(&stream, &inputs);
        }
    });
    Ok(())
}

fn answer(stream: &UnixStream, inputs: &Sender<Input>) -> std::io::Result<()> {
    let request = match daemon::read_request(stream)? {
        Ok(request) => request,
        Err(why) => return daemon::refuse(stream, why),
    };
    let (reply_to, reply) = mpsc::channel();
    if inputs.send(Input::Request(request, reply_to)).is_err() {
        return Ok(()); // the daemon is stopping
    }
    match reply.recv_timeout(LOOP_WITHIN) {
        Ok(reply) => daemon::reply(stream, reply),
        Err(_) => Ok(()),
    }
}
