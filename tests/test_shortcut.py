"""Cues of how each class was captured (rules/shortcut.py), read by class-follows-the-source."""

from __future__ import annotations

from planner.judgement.rules.shortcut import captured_apart, picked_apart


def test_classes_captured_apart() -> None:
    said = "Fouled hulls from divers' survey photos; clean hulls from the robot's video frames."
    assert captured_apart(said)
    assert captured_apart("Defective welds photographed by the lab; good welds shot on the line camera.")


def test_classes_captured_alike() -> None:
    assert not captured_apart("Fouled and clean frames both from the robot's video of the same hulls.")
    assert not captured_apart("Damaged parcels from the depot camera; intact parcels from the depot camera.")
    assert not captured_apart("A sound recorded on the phone; a clean signal from the sensor.")


def test_mark_in_frame_or_picked_apart() -> None:
    assert picked_apart("Rejects photographed with the inspector's red tag in frame.")
    assert picked_apart("Faulty units from complaints; good units from a random batch.")
    assert not picked_apart("Faulty units from complaints, checked against the register.")
    assert not picked_apart("A random batch of 500 units checked by hand.")
