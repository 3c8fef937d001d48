//! AES-256-GCM envelope: `version (1) || nonce (12) || ciphertext || tag (16)`.
//! Every encryption draws a fresh random nonce; the caller's associated data binds the blob to
//! its place (see `aad.rs`). All failures to open are one opaque error on purpose.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

pub const BLOB_VERSION: u8 = 1;
pub const NONCE_LEN: usize = 12;
pub const TAG_LEN: usize = 16;
pub const KEY_LEN: usize = 32;
const HEADER_LEN: usize = 1 + NONCE_LEN;

/// A 256-bit key (KEK, DEK or recovery key). Zeroized on drop; Debug never prints it.
#[derive(Clone, Zeroize, ZeroizeOnDrop, PartialEq, Eq)]
pub struct Key([u8; KEY_LEN]);

impl Key {
    pub fn random() -> Self {
        let mut bytes = [0u8; KEY_LEN];
        fill_random(&mut bytes);
        Key(bytes)
    }

    pub fn from_bytes(bytes: [u8; KEY_LEN]) -> Self {
        Key(bytes)
    }

    pub fn from_slice(bytes: &[u8]) -> Option<Self> {
        let array: [u8; KEY_LEN] = bytes.try_into().ok()?;
        Some(Key(array))
    }

    pub fn as_bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }

    pub fn to_hex(&self) -> Zeroizing<String> {
        Zeroizing::new(hex::encode(self.0))
    }

    pub fn from_hex(text: &str) -> Option<Self> {
        let bytes = Zeroizing::new(hex::decode(text.trim()).ok()?);
        Key::from_slice(&bytes)
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key([redacted])")
    }
}

/// Opening failed: wrong key, wrong associated data, truncated, tampered or unknown version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("decryption failed")]
pub struct OpenError;

pub fn fill_random(buf: &mut [u8]) {
    // The OS RNG failing is not something we can recover from or work around safely.
    getrandom::fill(buf).expect("the operating system's random number generator failed");
}

/// Encrypts `plaintext` under `key`, binding `aad`.
pub fn seal(key: &Key, aad: &[u8], plaintext: &[u8]) -> Vec<u8> {
    let mut nonce = [0u8; NONCE_LEN];
    fill_random(&mut nonce);
    seal_with_nonce(key, &nonce, aad, plaintext)
}

/// Deterministic variant for known-answer tests; production code always uses `seal`.
pub(crate) fn seal_with_nonce(
    key: &Key,
    nonce: &[u8; NONCE_LEN],
    aad: &[u8],
    plaintext: &[u8],
) -> Vec<u8> {
    let cipher = Aes256Gcm::new(key.as_bytes().into());
    let ciphertext = cipher
        .encrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: plaintext,
                aad,
            },
        )
        .expect("AES-GCM encryption cannot fail for inputs below 64 GiB");
    let mut blob = Vec::with_capacity(HEADER_LEN + ciphertext.len());
    blob.push(BLOB_VERSION);
    blob.extend_from_slice(nonce);
    blob.extend_from_slice(&ciphertext);
    blob
}

/// Decrypts a blob made by `seal`. Never panics, whatever the input.
pub fn open(key: &Key, aad: &[u8], blob: &[u8]) -> Result<Zeroizing<Vec<u8>>, OpenError> {
    if blob.len() < HEADER_LEN + TAG_LEN || blob[0] != BLOB_VERSION {
        return Err(OpenError);
    }
    let (nonce, ciphertext) = blob[1..].split_at(NONCE_LEN);
    let cipher = Aes256Gcm::new(key.as_bytes().into());
    cipher
        .decrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: ciphertext,
                aad,
            },
        )
        .map(Zeroizing::new)
        .map_err(|_| OpenError)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Known-answer vectors from the NIST GCM test suite (gcmEncryptExtIV256.rsp) and the
    /// McGrew–Viega GCM spec (test case 16), run through our own envelope.
    struct Vector {
        key: &'static str,
        nonce: &'static str,
        plaintext: &'static str,
        aad: &'static str,
        ciphertext: &'static str,
        tag: &'static str,
    }

    const VECTORS: &[Vector] = &[
        // NIST CAVS gcmEncryptExtIV256, Keylen 256, IVlen 96, PTlen 0, AADlen 0, Count 0.
        Vector {
            key: "b52c505a37d78eda5dd34f20c22540ea1b58963cf8e5bf8ffa85f9f2492505b4",
            nonce: "516c33929df5a3284ff463d7",
            plaintext: "",
            aad: "",
            ciphertext: "",
            tag: "bdc1ac884d332457a1d2664f168c76f0",
        },
        // NIST CAVS gcmEncryptExtIV256, PTlen 128, AADlen 0, Count 0.
        Vector {
            key: "31bdadd96698c204aa9ce1448ea94ae1fb4a9a0b3c9d773b51bb1822666b8f22",
            nonce: "0d18e06c7c725ac9e362e1ce",
            plaintext: "2db5168e932556f8089a0622981d017d",
            aad: "",
            ciphertext: "fa4362189661d163fcd6a56d8bf0405a",
            tag: "d636ac1bbedd5cc3ee727dc2ab4a9489",
        },
        // McGrew & Viega, "The GCM Mode of Operation", test case 16 (AES-256, with AAD).
        Vector {
            key: "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
            nonce: "cafebabefacedbaddecaf888",
            plaintext: "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
            aad: "feedfacedeadbeeffeedfacedeadbeefabaddad2",
            ciphertext: "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
            tag: "76fc6ece0f4e1768cddf8853bb2d551b",
        },
    ];

    #[test]
    fn known_answer_vectors_pass_through_our_envelope() {
        for v in VECTORS {
            let key = Key::from_hex(v.key).unwrap();
            let nonce: [u8; NONCE_LEN] = hex::decode(v.nonce).unwrap().try_into().unwrap();
            let plaintext = hex::decode(v.plaintext).unwrap();
            let aad = hex::decode(v.aad).unwrap();
            let blob = seal_with_nonce(&key, &nonce, &aad, &plaintext);
            let expected = format!("01{}{}{}", v.nonce, v.ciphertext, v.tag);
            assert_eq!(hex::encode(&blob), expected);
            assert_eq!(
                open(&key, &aad, &blob).unwrap().as_slice(),
                plaintext.as_slice()
            );
        }
    }

    #[test]
    fn wrong_key_or_aad_fails() {
        let key = Key::random();
        let blob = seal(&key, b"aad", b"hello");
        assert_eq!(open(&Key::random(), b"aad", &blob), Err(OpenError));
        assert_eq!(open(&key, b"other", &blob), Err(OpenError));
    }

    #[test]
    fn nonces_are_fresh() {
        let key = Key::random();
        assert_ne!(seal(&key, b"", b"same"), seal(&key, b"", b"same"));
    }

    #[test]
    fn key_debug_is_redacted() {
        let key = Key::from_bytes([0xAB; 32]);
        let shown = format!("{key:?}");
        assert!(!shown.contains("ab") && !shown.contains("171"), "{shown}");
    }

    proptest! {
        #[test]
        fn round_trip(plaintext in proptest::collection::vec(any::<u8>(), 0..2048), aad in proptest::collection::vec(any::<u8>(), 0..64)) {
            let key = Key::random();
            let blob = seal(&key, &aad, &plaintext);
            let opened = open(&key, &aad, &blob).unwrap();
            prop_assert_eq!(opened.as_slice(), plaintext.as_slice());
        }

        #[test]
        fn any_flipped_byte_fails(plaintext in proptest::collection::vec(any::<u8>(), 0..256), index in any::<prop::sample::Index>(), bit in 0u8..8) {
            let key = Key::random();
            let mut blob = seal(&key, b"aad", &plaintext);
            let i = index.index(blob.len());
            blob[i] ^= 1 << bit;
            prop_assert_eq!(open(&key, b"aad", &blob), Err(OpenError));
        }

        #[test]
        fn arbitrary_bytes_never_panic(blob in proptest::collection::vec(any::<u8>(), 0..128)) {
            let _ = open(&Key::random(), b"", &blob);
        }
    }
}
