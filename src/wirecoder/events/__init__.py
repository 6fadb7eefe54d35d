"""Events: PLOVER/CAMEO coding of every event in every sentence, with sides and modality."""
