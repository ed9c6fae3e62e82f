-- Reserved: this number belongs to another change of the same release.
SELECT 1;
