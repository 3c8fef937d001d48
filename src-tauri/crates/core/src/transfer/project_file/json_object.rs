//! A JSON object of a project file with its path (`project.secrets[2]`), for typed reads whose
//! errors say where in the file the problem is; and the error wording of the reader.

use crate::error::{Error, Result};
use serde_json::{Map, Value};

pub(super) fn invalid(detail: impl std::fmt::Display) -> Error {
    Error::Invalid {
        field: None,
        message: format!("This project file cannot be imported: {detail}. Nothing was changed."),
    }
}

pub(super) fn at(path: &str, problem: &str) -> Error {
    invalid(format!("{path} {problem}"))
}

pub(super) fn join(path: &str, key: &str) -> String {
    let key = clip(key);
    if path.is_empty() {
        key
    } else {
        format!("{path}.{key}")
    }
}

/// Text from the file, shortened for an error message.
pub(super) fn clip(text: &str) -> String {
    const MAX: usize = 60;
    let mut out: String = text
        .chars()
        .take(MAX)
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    if text.chars().count() > MAX {
        out.push('…');
    }
    out
}

/// A JSON object of the file with its path, for typed reads with precise errors.
pub(super) struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

impl<'a> Obj<'a> {
    /// Refuses keys outside `allowed` (fields this version does not know).
    pub(super) fn new(
        map: &'a Map<String, Value>,
        path: &str,
        allowed: &[&str],
    ) -> Result<Obj<'a>> {
        if let Some(unknown) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
            return Err(at(
                &join(path, unknown),
                &format!(
                    "is not a field of this format version (allowed here: {})",
                    allowed.join(", ")
                ),
            ));
        }
        Ok(Obj {
            map,
            path: path.to_owned(),
        })
    }

    pub(super) fn path_of(&self, key: &str) -> String {
        join(&self.path, key)
    }

    pub(super) fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key)
    }

    pub(super) fn required(&self, key: &str) -> Result<&'a Value> {
        self.get(key)
            .ok_or_else(|| at(&self.path_of(key), "is missing"))
    }

    pub(super) fn string(&self, key: &str) -> Result<&'a str> {
        self.required(key)?
            .as_str()
            .ok_or_else(|| at(&self.path_of(key), "must be a string"))
    }

    pub(super) fn optional_string(&self, key: &str) -> Result<Option<&'a str>> {
        match self.get(key) {
            None => Ok(None),
            Some(value) => value
                .as_str()
                .map(Some)
                .ok_or_else(|| at(&self.path_of(key), "must be a string")),
        }
    }

    pub(super) fn optional_bool(&self, key: &str) -> Result<Option<bool>> {
        match self.get(key) {
            None => Ok(None),
            Some(value) => value
                .as_bool()
                .map(Some)
                .ok_or_else(|| at(&self.path_of(key), "must be true or false")),
        }
    }

    pub(super) fn object(&self, key: &str, allowed: &[&str]) -> Result<Obj<'a>> {
        let path = self.path_of(key);
        let map = self
            .required(key)?
            .as_object()
            .ok_or_else(|| at(&path, "must be an object"))?;
        Obj::new(map, &path, allowed)
    }

    pub(super) fn array_of_objects(
        &self,
        key: &str,
        allowed: &[&str],
    ) -> Result<Vec<(String, Obj<'a>)>> {
        self.required(key)?;
        self.optional_array_of_objects(key, allowed)
    }

    pub(super) fn optional_array_of_objects(
        &self,
        key: &str,
        allowed: &[&str],
    ) -> Result<Vec<(String, Obj<'a>)>> {
        let Some(value) = self.get(key) else {
            return Ok(Vec::new());
        };
        let path = self.path_of(key);
        let items = value
            .as_array()
            .ok_or_else(|| at(&path, "must be an array"))?;
        items
            .iter()
            .enumerate()
            .map(|(index, item)| {
                let item_path = format!("{path}[{index}]");
                let map = item
                    .as_object()
                    .ok_or_else(|| at(&item_path, "must be an object"))?;
                Ok((item_path.clone(), Obj::new(map, &item_path, allowed)?))
            })
            .collect()
    }

    pub(super) fn optional_array_of_strings(&self, key: &str) -> Result<Vec<(String, &'a str)>> {
        let Some(value) = self.get(key) else {
            return Ok(Vec::new());
        };
        let path = self.path_of(key);
        let items = value
            .as_array()
            .ok_or_else(|| at(&path, "must be an array of environment names"))?;
        items
            .iter()
            .enumerate()
            .map(|(index, item)| {
                let item_path = format!("{path}[{index}]");
                item.as_str()
                    .map(|text| (item_path.clone(), text))
                    .ok_or_else(|| at(&item_path, "must be a string (an environment name)"))
            })
            .collect()
    }
}
